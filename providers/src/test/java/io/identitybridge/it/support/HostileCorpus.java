package io.identitybridge.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of hostile request bodies and query values: a valid-looking template with some values swapped
 * for wrong types, nesting, huge or empty values, control characters (NUL too), Unicode edge cases (lone surrogates,
 * RTL, zero-width, 4-byte), boundary dates, long lists and duplicate keys. The same seed gives the same corpus.
 */
public final class HostileCorpus {

    public static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u0002\u001f", "line\nbreak\r\n", "tab\there",
            "\u007f", "\u0085", "\u2028\u2029", "\u202Eevil\u202C", "\u200B", "zero\u200Dwidth", "\uFEFF", "\uD83D\uDE00",
            "\uD800", "\uDC00", "x\uD800y", "\uFFFF", "\uFFFE", "\uDBFF\uDFFF", "e\u0301\u0301\u0301", "' OR 1=1 --",
            "\"; DROP TABLE client; --", "%00", "%", "../../../etc/passwd", "${jndi:ldap://example.test/a}", "<script>alert(1)</script>",
            "null", "true", "1e999", "javascript:alert(1)", "https://user:pw@example.test/#frag", "http://example.test/cb",
            "https://localhost:99999/", "http://127.0.0.1/cb", "data:text/html,x", "openid", "IdentityServerApi", "client_",
            "sub", "exp", "client_id", "security-admin-console", "SECURITY-ADMIN-CONSOLE", "CreatioSystemClient01", "TempAccess");
    public static final List<String> DATES = List.of("0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
            "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "2100-01-01T00:00:00+14:00", "2100-01-01T00:00:00-18:00",
            "2100-01-01T24:00:00Z", "2100-01-01", "2100-01-01T00:00:00.1234567890123Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z");
    public static final List<String> NUMBERS = List.of("0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1e308", "1e400",
            "-0.0", "0.5", "1.7976931348623157E309", "253402300800000", "-999999999999999999999999");

    private final Random random;

    public HostileCorpus(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A body of the template's shape with 1–3 values made hostile; one in ten is not an object of that shape at all. */
    public byte[] body(Map<String, Object> template) {
        if (random.nextInt(10) == 0) {
            return malformed();
        }
        return json(mutated(template)).getBytes(StandardCharsets.UTF_8);
    }

    /** The template with 1–3 values (possibly nested) made hostile, and now and then an unknown property. */
    public Map<String, Object> mutated(Map<String, Object> template) {
        Map<String, Object> body = copy(template);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            mutate(body, 0);
        }
        if (random.nextInt(8) == 0) {
            body.put(pick(STRINGS) + "Unknown", value(0));
        }
        return body;
    }

    /** A hostile value: any type, nested, huge, empty, or an edge-case string or date. */
    public Object value(int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 11)) {
            case 0, 1 -> pick(STRINGS);
            case 2 -> pick(DATES);
            case 3 -> new Raw(pick(NUMBERS));
            case 4 -> random.nextBoolean() ? null : random.nextBoolean();
            case 5 -> longString();
            case 6 -> new ArrayList<>(Collections.nCopies(List.of(0, 1, 51, 101, 201, 1001, 5000).get(random.nextInt(7)), pick(STRINGS)));
            case 7 -> java.util.Arrays.asList(value(depth + 1), value(depth + 1));
            case 8 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Name", value(depth + 1));
                m.put("Type", value(depth + 1));
                yield m;
            }
            case 9 -> new Raw("[".repeat(1500) + "]".repeat(1500));
            default -> new Raw("{\"a\":".repeat(300) + "1" + "}".repeat(300));
        };
    }

    /** Strings at and over column sizes, in 1-, 2-, 3- and 4-byte characters, so that byte and char limits both show. */
    public String longString() {
        int n = List.of(255, 256, 1000, 1001, 4000, 5000, 70_000).get(random.nextInt(7));
        String unit = List.of("a", "\u00e9", "\u4e2d", "\uD83D\uDE00", "\u0000", "\u200B").get(random.nextInt(6));
        return unit.repeat(unit.length() == 2 ? n / 2 : n);
    }

    /** A query value: a hostile string, date, number or long string. */
    public String queryValue() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(DATES);
            case 1 -> pick(NUMBERS);
            case 2 -> {
                String s = longString();
                yield s.substring(0, Math.min(s.length(), List.of(10, 255, 2000).get(random.nextInt(3))));
            }
            default -> pick(STRINGS);
        };
    }

    public <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private byte[] malformed() {
        String text = pick(List.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "{\"a\":", "{}{}", "{} x", "{'a':1}",
                "{\"a\":NaN}", "{\"a\":01}", "\uFEFF{}", "\u0000", "[".repeat(5000), "{\"x\":\"" + "y".repeat(300_000) + "\"}"));
        if (random.nextInt(4) > 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // Bytes that are not UTF-8: a lone continuation byte, an overlong NUL, an encoded surrogate, 0xFF.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"ClientId\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pick(List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})));
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private void mutate(Map<String, Object> body, int depth) {
        if (body.isEmpty()) {
            body.put("x", value(depth));
            return;
        }
        String key = pick(new ArrayList<>(body.keySet()));
        Object current = body.get(key);
        if (current instanceof Map<?, ?> nested && random.nextBoolean()) {
            mutate((Map<String, Object>) nested, depth + 1);
        } else if (current instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> && random.nextBoolean()) {
            List<Object> copy = new ArrayList<>(list);
            Map<String, Object> first = copy((Map<String, Object>) list.get(0));
            mutate(first, depth + 1);
            copy.set(0, first);
            body.put(key, copy);
        } else if (current instanceof List<?> list && random.nextBoolean()) {
            List<Object> copy = new ArrayList<>(list);
            copy.add(value(depth + 1));
            body.put(key, copy);
        } else {
            body.put(key, value(depth));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> template) {
        Map<String, Object> out = new LinkedHashMap<>();
        template.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
        return out;
    }

    /** JSON text; strings sometimes \\u-escaped (so lone surrogates reach the server), objects sometimes with a key twice. */
    public String json(Object v) {
        StringBuilder out = new StringBuilder();
        write(out, v);
        return out.toString();
    }

    private void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Raw raw) {
            out.append(raw.text());
        } else if (v instanceof Boolean || v instanceof Number) {
            out.append(v);
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(out, String.valueOf(entries.get(i).getKey()));
                out.append(':');
                write(out, entries.get(i).getValue());
            }
            if (!entries.isEmpty() && random.nextInt(6) == 0) {
                // The same name again, as is or in another case (property names are matched case-insensitively).
                String key = String.valueOf(pick(entries).getKey());
                string(out.append(','), random.nextBoolean() ? key : key.toLowerCase());
                write(out.append(':'), value(3));
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException(v.getClass().getName());
        }
    }

    private void string(StringBuilder out, String s) {
        boolean escapeAll = random.nextBoolean();
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (pair && !escapeAll) {
                out.append(c).append(s.charAt(++i)); // a 4-byte UTF-8 character
            } else if (c < 0x20 || escapeAll && c > 0x7e || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c)); // a lone surrogate can only travel escaped
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** JSON text written as is: numbers JSON cannot hold in a double, deep nesting. */
    public record Raw(String text) {
    }
}
