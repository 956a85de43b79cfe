package io.identitybridge.it.support;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 10, "no token this realm issues ever has a duplicate JSON key": every JWT the suite receives (token responses,
 * redirects, fragments, form_post pages, callbacks) passes through here and is read with a parser that refuses
 * duplicate keys, as RFC 7519 §4 allows a parser to. The choke points call {@link #scan}, so new tests are covered too.
 * Only the values of the token parameters are read: other text that happens to look like "eyJ…" (a session code, a
 * tab id) is no token, and taking it for one made the check fail on the server's random values (issue 20 §1).
 */
public final class JwtCheck {

    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** The names under which a token travels; only their values are tokens (a session code or tab id may look like one). */
    private static final String NAMES = "(?:access_token|id_token|refresh_token)";
    /** JSON: {@code "id_token":"..."}. */
    private static final Pattern IN_JSON = Pattern.compile("\"" + NAMES + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    /** A query, fragment or form body: {@code ?id_token=...}, {@code #access_token=...}, {@code &refresh_token=...}. */
    private static final Pattern IN_PARAMS = Pattern.compile("(?:^|[?#&;])" + NAMES + "=([^&#\\s\"'<>]*)");
    /** A form_post page: {@code <input ... name="id_token" ... value="...">}, either attribute first. */
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT_NAME = Pattern.compile("\\bname\\s*=\\s*[\"']" + NAMES + "[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT_VALUE = Pattern.compile("\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final AtomicLong CHECKED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (CHECKED.get() > 0) {
                System.err.println("JwtCheck: " + CHECKED.get() + " tokens read with duplicate-key detection, none had a duplicate key");
            }
        }));
    }

    private JwtCheck() {
    }

    /** The payload of a JWT; fails if its header or payload is not JSON or repeats a key. */
    public static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new AssertionError("not a JWT: " + parts.length + " parts");
        }
        strict(parts[0], "header");
        JsonNode payload = strict(parts[1], "payload");
        CHECKED.incrementAndGet();
        return payload;
    }

    /**
     * Checks every token value in a text (a body, a URL, a fragment, a form_post page): the values of
     * {@code access_token}, {@code id_token} and {@code refresh_token} in JSON, in query/fragment/form parameters
     * (percent-decoded) and in form_post inputs. A value neither dotted nor "eyJ…" is opaque (no JSON to read) and is left alone.
     */
    public static void scan(String text) {
        if (text == null || !(text.contains("access_token") || text.contains("id_token") || text.contains("refresh_token"))) {
            return;
        }
        for (String value : tokenValues(text)) {
            if (value.contains(".") || value.startsWith("eyJ")) {
                payload(value);
            }
        }
    }

    /** The token values of a text, decoded as their place requires. */
    public static List<String> tokenValues(String text) {
        List<String> values = new ArrayList<>();
        Matcher json = IN_JSON.matcher(text);
        while (json.find()) {
            values.add(json.group(1).replace("\\/", "/"));
        }
        Matcher param = IN_PARAMS.matcher(text);
        while (param.find()) {
            values.add(percentDecode(param.group(1)));
        }
        Matcher input = INPUT.matcher(text);
        while (input.find()) {
            Matcher value = INPUT_VALUE.matcher(input.group());
            if (INPUT_NAME.matcher(input.group()).find() && value.find()) {
                values.add(value.group(1).replace("&amp;", "&"));
            }
        }
        return values;
    }
    public static long checked() {
        return CHECKED.get();
    }

    private static JsonNode strict(String part, String what) {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("a token's " + what + " is not base64url", e);
        }
        try {
            return STRICT.readTree(json);
        } catch (IOException e) {
            // The message names the key, never the token (which would be a credential in the test output).
            throw new AssertionError("a token's " + what + " is not JSON with unique keys: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** A parameter value's percent-decoding; a malformed escape leaves the value as it is, to be judged as such. */
    private static String percentDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
