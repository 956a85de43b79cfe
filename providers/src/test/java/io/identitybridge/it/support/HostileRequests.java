package io.identitybridge.it.support;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request shapes of {@code HostileInputIT}: a client template, seed inputs, and authorize requests over a raw socket. */
public final class HostileRequests {

    public record Answer(int status, String body) {
    }

    private static final List<String> EXTRA_PARAMS = List.of("response_mode", "prompt", "max_age", "ui_locales", "login_hint",
            "acr_values", "code_challenge", "code_challenge_method", "request", "request_uri", "claims", "id_token_hint", "display",
            "kc_idp_hint", "kc_action", "targetSubject", "client_id", "scope", "response_type", "redirect_uri");
    private static final List<String> BAD_ESCAPES = List.of("%zz", "%", "%0", "%C0%80", "%FF", "%ED%A0%80", "%F4%90%80%80", "%E2%80%AE", "%00");

    private HostileRequests() {
    }

    /** An IS4 client body with most properties, for Clients/register (no ClientId) and Clients/update (the target's). */
    public static Map<String, Object> client(String clientId) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (clientId != null) {
            c.put("ClientId", clientId);
        }
        c.put("ClientName", "Hostile app");
        c.put("Description", "generated");
        c.put("ClientUri", "https://app.example.test");
        c.put("LogoUri", "https://app.example.test/logo.png");
        c.put("AllowedGrantTypes", List.of("client_credentials"));
        c.put("AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE));
        c.put("RedirectUris", List.of("https://app.example.test/cb"));
        c.put("PostLogoutRedirectUris", List.of("https://app.example.test/out"));
        c.put("Claims", List.of(new LinkedHashMap<>(Map.of("Type", "tenant", "Value", "t1"))));
        c.put("PrefixClientClaims", true);
        c.put("ClientClaimsPrefix", "client_");
        c.put("AccessTokenLifetime", 600);
        c.put("AbsoluteRefreshTokenLifetime", 2592000);
        c.put("SlidingRefreshTokenLifetime", 1296000);
        c.put("RefreshTokenExpiration", "Sliding");
        c.put("RequirePkce", true);
        c.put("Enabled", true);
        c.put("Properties", new LinkedHashMap<>(Map.of("AllowedQueryParameters", "[\"invitationHash\"]")));
        return c;
    }

    /** Creatio's AddClient body (SPEC §4), which Clients/register accepts beside the IS4 model. */
    public static Map<String, Object> addClient() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ClientId", "it-hostile-addclient-app");
        c.put("CustomerId", "cust-hostile");
        c.put("ClientAppName", "Hostile integration");
        c.put("ClientAppDescription", "generated");
        c.put("ClientAppUri", "https://app.example.test");
        c.put("Enabled", true);
        c.put("SystemUserId", "0b4e1c25-6a4f-4c3a-9d3f-2f0e5b7c8d90");
        c.put("RedirectUris", List.of("https://app.example.test/cb"));
        return c;
    }

    /**
     * Seed plan gets whole generated bodies; seed apply gets a generated client and scope beside a client without
     * ClientId, which makes every plan invalid, so that apply never writes anything.
     */
    public static Answer seed(KeycloakServer kc, HostileCorpus corpus, boolean apply) {
        Map<String, Object> client = client("it-hostile-seeded-client");
        client.put("Secrets", List.of(SecurityFixtures.SECRET));
        Map<String, Object> scope = new LinkedHashMap<>(Map.of("Name", "it-hostile-scope", "Type", "Resource", "DisplayName", "x"));
        byte[] body;
        if (apply) {
            body = HostileRequests.utf8("{\"Scopes\":[" + corpus.json(corpus.mutated(scope)) + "],\"Clients\":["
                    + corpus.json(corpus.mutated(client)) + ",{\"ClientName\":\"hostile input never applies\"}]}");
        } else {
            body = corpus.body(new LinkedHashMap<>(Map.of("Scopes", List.of(scope), "Clients", List.of(client))));
        }
        String contentType = corpus.random().nextInt(4) == 0 ? "text/plain" : "application/json";
        String query = !apply && corpus.random().nextBoolean() ? "?prune=" + corpus.pick(List.of("true", "false", "yes", "")) : "";
        Http.Response r = Http.sendBytes("POST", kc.baseUrl() + "/admin/realms/creatio/identity-bridge/seed/" + (apply ? "apply" : "plan") + query,
                kc.adminToken(), contentType, body);
        return new Answer(r.status(), r.body());
    }

    /**
     * An authorize request of a real client with 1–3 parameters hostile, some repeated or malformed, as GET or as a
     * form POST, mostly as a browser asks (Accept: text/html). Sent over a raw socket, as java.net.URI refuses
     * malformed escapes.
     */
    public static Answer authorize(KeycloakServer kc, HostileCorpus corpus, String path, String clientId, String redirect) {
        List<String[]> params = new ArrayList<>(List.of(new String[]{"client_id", clientId}, new String[]{"response_type", "code"},
                new String[]{"scope", "openid"}, new String[]{"redirect_uri", redirect}, new String[]{"state", "st"},
                new String[]{"nonce", "no"}, new String[]{"invitationHash", "h"}));
        for (int i = 1 + corpus.random().nextInt(3); i > 0; i--) {
            switch (corpus.random().nextInt(4)) {
                case 0 -> params.add(new String[]{corpus.pick(EXTRA_PARAMS), corpus.queryValue()});
                case 1 -> params.remove(corpus.random().nextInt(params.size()));
                default -> corpus.pick(params)[1] = corpus.queryValue();
            }
            if (params.isEmpty()) {
                params.add(new String[]{"client_id", clientId});
            }
        }
        StringBuilder query = new StringBuilder();
        for (String[] p : params) {
            query.append(query.isEmpty() ? "" : "&").append(encode(p[0])).append('=').append(encode(p[1]));
        }
        if (corpus.random().nextInt(5) == 0) {
            query.append(corpus.pick(BAD_ESCAPES));
        }
        String accept = corpus.pick(List.of("text/html,application/xhtml+xml", "text/html", "*/*", "application/json"));
        String target = "/realms/creatio" + path;
        boolean post = corpus.random().nextInt(4) == 0;
        List<String> headers = new ArrayList<>(List.of("Accept: " + accept));
        if (!post) {
            return raw(kc, "GET " + target + "?" + query, headers, null);
        }
        headers.add("Content-Type: application/x-www-form-urlencoded");
        return raw(kc, "POST " + target, headers, query.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Percent-encodes every byte but unreserved ones; a lone surrogate becomes its 3-byte (CESU) form, which is not UTF-8. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
                out.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | c >> 12, 0x80 | c >> 6 & 0x3F, 0x80 | c & 0x3F));
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xFF));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /**
     * One request as written, over a raw socket (so that malformed escapes and headers reach the server), with a
     * Content-Length when there is a body. Every token in the answer is checked by {@link JwtCheck}.
     */
    public static Answer raw(KeycloakServer kc, String requestLine, List<String> headers, byte[] body) {
        URI base = URI.create(kc.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: ").append(base.getAuthority())
                    .append("\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (java.net.SocketException e) {
                // The server may answer an oversized header early and close: its answer is still there to read.
            }
            String answer;
            try {
                answer = readAll(socket.getInputStream());
            } catch (java.net.SocketException e) {
                return new Answer(-1, "connection closed by the server without an answer");
            }
            JwtCheck.scan(answer);
            int firstSpace = answer.indexOf(' ');
            int status = firstSpace < 0 ? -1 : Integer.parseInt(answer.substring(firstSpace + 1, firstSpace + 4));
            return new Answer(status, answer.substring(Math.max(0, answer.indexOf("\r\n\r\n"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0 && out.size() < 1_000_000; ) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * ERROR entries that show a defect: from our packages, with a stack trace, or Keycloak's own 500 paths. Keycloak
     * logs some refusals of bad input at ERROR without a trace (KC-SERVICES0093 "Invalid parameter value"); those are
     * answers, not failures, and are left out. A database refusing a NUL ("invalid byte sequence", PostgreSQL) is a
     * defect: such input is refused before any lookup.
     */
    public static List<String> defects(String log) {
        return errorLines(log).stream().filter(e -> e.contains("io.identitybridge") || e.contains("\n\tat ") || e.contains("invalid byte sequence")
                || e.contains("Exception") || e.contains("unknown_error") || e.contains("Uncaught server error")
                || e.contains("Failed to create error page")).toList();
    }

    /** ERROR lines of a server log, each with the stack-trace lines that follow it. */
    public static List<String> errorLines(String log) {
        List<String> out = new ArrayList<>();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" ERROR ")) {
                StringBuilder entry = new StringBuilder(lines[i]);
                for (int j = i + 1; j < lines.length && j < i + 8 && !lines[j].matches("^\\d{4}-\\d{2}-\\d{2} .*"); j++) {
                    entry.append('\n').append(lines[j]);
                }
                out.add(entry.length() > 2000 ? entry.substring(0, 2000) : entry.toString());
            }
        }
        return out;
    }
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
