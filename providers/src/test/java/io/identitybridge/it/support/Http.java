package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client, as an integration would use: status, headers, body. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Benchmarks raise it: Keycloak's own partialImport of 1,000 clients takes minutes. */
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("ib.http.timeout.seconds", 60));
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    public static Response get(String url, String bearer) {
        return send(request(url, bearer).GET());
    }

    public static Response postForm(String url, Map<String, String> form, String basicUser, String basicSecret) {
        HttpRequest.Builder b = request(url, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        if (basicUser != null) {
            String creds = urlEncode(basicUser) + ":" + urlEncode(basicSecret);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8)));
        }
        return send(b);
    }

    public static Response sendJson(String method, String url, String bearer, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(url, bearer).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body as exact bytes (which need not be UTF-8), with any content type. */
    public static Response sendBytes(String method, String url, String bearer, String contentType, byte[] body) {
        return send(request(url, bearer).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** HTTP/1.1 with Expect: 100-continue, so that a server refusing the body can answer before it is sent. */
    public static Response sendRaw(String method, String url, String contentType, String body) {
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        return send(http11, request(url, null).header("Content-Type", contentType).expectContinue(true)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    /** The payload of a JWT, decoded without checking its signature. */
    public static JsonNode jwtPayload(String jwt) {
        return JwtCheck.payload(jwt);
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        return send(CLIENT, b);
    }

    private static Response send(HttpClient client, HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            checkTokens(r);
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every token that reaches the suite over HTTP: in a body (JSON, form_post page) or a redirect's URL. */
    public static void checkTokens(HttpResponse<String> r) {
        JwtCheck.scan(r.body());
        r.headers().allValues("Location").forEach(JwtCheck::scan);
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
