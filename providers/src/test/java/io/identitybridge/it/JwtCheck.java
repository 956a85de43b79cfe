package io.identitybridge.it;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 10, "no token this realm issues ever has a duplicate JSON key": every JWT the suite receives (token responses,
 * redirects, fragments, form_post pages, callbacks) passes through here and is read with a parser that refuses
 * duplicate keys, as RFC 7519 §4 allows a parser to. The choke points call {@link #scan}, so new tests are covered too.
 */
public final class JwtCheck {

    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** A compact JWS: base64url JSON header (always "eyJ", i.e. '{"'), payload, and a possibly empty signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
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

    /** Checks every JWT in a text (a body, a URL, a fragment; percent-encoded or not). */
    public static void scan(String text) {
        if (text == null || !text.contains("eyJ")) {
            return;
        }
        Matcher m = JWT.matcher(text.contains("%") ? lenientDecode(text) : text);
        while (m.find()) {
            payload(m.group());
        }
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

    private static String lenientDecode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
