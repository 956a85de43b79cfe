package io.identitybridge.it.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The token side's request shapes for {@code HostileInputIT}: token (every grant type), introspection, revocation,
 * userinfo and end-session requests of a real client, with hostile credentials (Basic headers malformed, NUL, huge),
 * hostile tokens (garbage, huge, alg=none, valid-looking, real but altered), repeated parameters, GET and POST and
 * wrong content types. Sent with {@link HostileRequests#raw}, so that anything reaches the server as written.
 */
public final class HostileTokenRequests {

    /** Who asks: a confidential client with its secret, and a real access token of it. */
    public record Caller(String clientId, String secret, String accessToken, String redirect) {
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    public static final List<String> GRANTS = List.of("client_credentials", "authorization_code", "refresh_token", "password",
            "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:openid:params:grant-type:ciba", "implicit", "CLIENT_CREDENTIALS");
    private static final List<String> CONTENT_TYPES = List.of(FORM, FORM, FORM, FORM, FORM + "; charset=ISO-8859-1",
            "application/json", "text/plain", "multipart/form-data; boundary=x", FORM + ";;;=", "");
    private static final List<String> EXTRA = List.of("client_id", "client_secret", "client_assertion_type", "client_assertion",
            "scope", "audience", "resource", "requested_subject", "requested_token_type", "code_verifier", "token", "token_type_hint",
            "grant_type", "redirect_uri", "username", "password", "refresh_token", "code", "subject_token", "id_token_hint");
    private static final List<String> LOGOUT_URIS = List.of("https://app.example.test/out", "javascript:alert(1)", "http://evil.example.test/",
            "//evil.example.test", "https://app.example.test/out/../../x", "https://app.example.test/out#frag", "urn:x", "*", "",
            "https://app.example.test/hostile-cb\u0000", "https://xn--80ak6aa92e.example.test/", "HTTPS://APP.EXAMPLE.TEST/OUT");

    private HostileTokenRequests() {
    }

    /** A token request: a grant type and its parameters, 1–3 of them hostile, with hostile or real credentials. */
    public static HostileRequests.Answer token(KeycloakServer kc, HostileCorpus c, String path, Caller caller) {
        List<String[]> params = new ArrayList<>();
        String grant = c.random().nextInt(3) == 0 ? c.pick(GRANTS) : GRANTS.get(c.random().nextInt(6));
        params.add(new String[]{"grant_type", grant});
        switch (grant) {
            case "authorization_code" -> add(params, "code", tokenish(c, caller), "redirect_uri", caller.redirect(), "code_verifier", "v".repeat(43));
            case "refresh_token" -> add(params, "refresh_token", tokenish(c, caller), "scope", "openid");
            case "password" -> add(params, "username", "admin", "password", "admin", "scope", "openid");
            case "urn:ietf:params:oauth:grant-type:device_code" -> add(params, "device_code", tokenish(c, caller));
            case "urn:ietf:params:oauth:grant-type:token-exchange" -> add(params, "subject_token", tokenish(c, caller),
                    "subject_token_type", "urn:ietf:params:oauth:token-type:access_token", "audience", caller.clientId(),
                    "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token");
            default -> add(params, "scope", SecurityFixtures.REPORTS_SCOPE);
        }
        return send(kc, c, path, caller, params, "application/json", true);
    }

    /** An introspection or revocation request: a token to judge, a hint, and credentials. */
    public static HostileRequests.Answer tokenJudged(KeycloakServer kc, HostileCorpus c, String path, Caller caller) {
        List<String[]> params = new ArrayList<>();
        add(params, "token", tokenish(c, caller), "token_type_hint", c.pick(List.of("access_token", "refresh_token", "id_token", "x", "")));
        return send(kc, c, path, caller, params, "application/json", true);
    }

    /** A userinfo request: a Bearer header (garbage, altered, real, none) and maybe a token in the query or form too. */
    public static HostileRequests.Answer userinfo(KeycloakServer kc, HostileCorpus c, String path, Caller caller) {
        List<String> headers = new ArrayList<>(List.of("Accept: application/json"));
        switch (c.random().nextInt(5)) {
            case 0 -> headers.add("Authorization: " + c.pick(List.of("Bearer", "Bearer ", "bearer  x", "Bearer a b", "Basic x", "Bearer "
                    + caller.accessToken() + " " + caller.accessToken(), "Bearer " + "x".repeat(30_000))));
            case 1 -> { }
            default -> headers.add("Authorization: Bearer " + header(tokenish(c, caller)));
        }
        List<String[]> params = new ArrayList<>();
        if (c.random().nextInt(3) == 0) {
            add(params, "access_token", tokenish(c, caller));
        }
        return request(kc, c, path, params, headers, c.random().nextBoolean());
    }

    /** An end-session request as a browser sends it: id_token_hint, post_logout_redirect_uri, client_id, state. */
    public static HostileRequests.Answer endSession(KeycloakServer kc, HostileCorpus c, String path, Caller caller) {
        List<String[]> params = new ArrayList<>();
        add(params, "id_token_hint", tokenish(c, caller), "post_logout_redirect_uri", c.pick(LOGOUT_URIS), "client_id", caller.clientId(),
                "state", "st", "ui_locales", "en");
        mutate(c, params, caller);
        List<String> headers = new ArrayList<>(List.of("Accept: " + c.pick(List.of("text/html,application/xhtml+xml", "*/*", "application/json"))));
        return request(kc, c, path, params, headers, c.random().nextInt(3) > 0);
    }

    private static HostileRequests.Answer send(KeycloakServer kc, HostileCorpus c, String path, Caller caller, List<String[]> params,
                                               String accept, boolean post) {
        List<String> headers = new ArrayList<>(List.of("Accept: " + accept));
        credentials(c, caller, headers, params);
        mutate(c, params, caller);
        return request(kc, c, path, params, headers, c.random().nextInt(8) > 0 && post);
    }

    /** Client authentication, mostly real, else malformed, NUL, huge, twice, or none. */
    private static void credentials(HostileCorpus c, Caller caller, List<String> headers, List<String[]> params) {
        String id = caller.clientId();
        String secret = caller.secret();
        switch (c.random().nextInt(10)) {
            case 0, 1, 2 -> headers.add("Authorization: " + basic(id + ":" + secret));
            case 3, 4 -> add(params, "client_id", id, "client_secret", secret);
            case 5 -> headers.add("Authorization: " + c.pick(List.of("Basic !!!", "Basic ====", basic("no-colon"), basic(id + "\u0000:" + secret),
                    basic("a%zz:" + secret), basic(id + ":%"), basic("a%00b:" + secret), basic(id + ":" + secret + "\u0000"), basic("x".repeat(20_000)
                    + ":" + secret), basic(id.toUpperCase() + ":" + secret), "Basic", "basic  " + Base64.getEncoder().encodeToString(
                    (id + ":" + secret).getBytes(StandardCharsets.UTF_8)), "Bearer " + caller.accessToken(), basic(":"), basic(id + "\u0001:x"))));
            case 6 -> add(params, "client_id", c.queryValue(), "client_secret", secret);
            case 7 -> {
                headers.add("Authorization: " + basic(id + ":" + secret));
                add(params, "client_id", c.pick(List.of(id, c.queryValue())));
            }
            case 8 -> add(params, "client_id", id, "client_secret", c.queryValue());
            default -> { }
        }
    }

    /** 1–3 parameters made hostile, removed, repeated or added. */
    private static void mutate(HostileCorpus c, List<String[]> params, Caller caller) {
        for (int i = 1 + c.random().nextInt(3); i > 0; i--) {
            switch (c.random().nextInt(5)) {
                case 0 -> params.add(new String[]{c.pick(EXTRA), c.random().nextBoolean() ? c.queryValue() : tokenish(c, caller)});
                case 1 -> {
                    if (!params.isEmpty()) {
                        params.remove(c.random().nextInt(params.size()));
                    }
                }
                case 2 -> {
                    if (!params.isEmpty()) {
                        String[] p = c.pick(params);
                        params.add(new String[]{p[0], c.random().nextBoolean() ? p[1] : c.queryValue()});
                    }
                }
                default -> {
                    if (!params.isEmpty()) {
                        c.pick(params)[1] = c.queryValue();
                    }
                }
            }
        }
    }

    private static HostileRequests.Answer request(KeycloakServer kc, HostileCorpus c, String path, List<String[]> params, List<String> headers,
                                                  boolean post) {
        StringBuilder form = new StringBuilder();
        for (String[] p : params) {
            form.append(form.isEmpty() ? "" : "&").append(HostileRequests.encode(p[0])).append('=').append(HostileRequests.encode(p[1]));
        }
        if (c.random().nextInt(8) == 0) {
            form.append(c.pick(List.of("%zz", "%", "%0", "%C0%80", "%FF", "&=", "&&", "=x")));
        }
        String target = "/realms/creatio" + path;
        if (!post) {
            return HostileRequests.raw(kc, "GET " + target + (form.isEmpty() ? "" : "?" + form), headers, null);
        }
        String type = c.pick(CONTENT_TYPES);
        if (!type.isEmpty()) {
            headers.add("Content-Type: " + type);
        }
        return HostileRequests.raw(kc, "POST " + target, headers, form.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A token as a hostile caller gives one: garbage, huge, cut, alg=none or RS256-looking with hostile claims (NUL in
     * sid, azp, sub), a real access token or one with its payload swapped.
     */
    public static String tokenish(HostileCorpus c, Caller caller) {
        String real = caller.accessToken();
        return switch (c.random().nextInt(9)) {
            case 0 -> c.queryValue();
            case 1 -> real;
            case 2 -> real.substring(0, real.lastIndexOf('.') + 1) + "AAAA";
            case 3 -> jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims(c, caller), "");
            case 4 -> jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + c.pick(List.of("x", "", "../../a", "\\u0000")) + "\"}", claims(c, caller), "c2ln");
            case 5 -> jwt("{\"alg\":\"" + c.pick(List.of("HS256", "HS512", "ES256", "PS256", "RSA-OAEP", "", "dir")) + "\"}", claims(c, caller), "c2ln");
            case 6 -> "eyJ" + "A".repeat(c.pick(List.of(10, 5000, 70_000))) + "." + "B".repeat(100) + ".";
            case 7 -> real.split("\\.")[0] + "." + b64(claims(c, caller)) + "." + real.split("\\.")[2];
            default -> c.pick(List.of("", "a.b", "a.b.c.d.e", "....", "eyJ.eyJ.", real + real, real.replace('.', '_')));
        };
    }

    /** Claims of a plausible token of this realm, with hostile values in the ones Keycloak looks things up by. */
    private static String claims(HostileCorpus c, Caller caller) {
        String hostile = c.pick(List.of("a\\u0000b", "\\u0000", "' OR 1=1 --", "x".repeat(300), "", "\\ud800"));
        return "{\"iss\":\"http://localhost/realms/creatio\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + ",\"iat\":1,\"typ\":\""
                + c.pick(List.of("Bearer", "Refresh", "ID", "Offline", "Logout")) + "\",\"azp\":\"" + c.pick(List.of(caller.clientId(), hostile))
                + "\",\"sub\":\"" + hostile + "\",\"sid\":\"" + hostile + "\",\"session_state\":\"" + hostile + "\",\"jti\":\"" + hostile + "\"}";
    }

    private static void add(List<String[]> params, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            params.add(new String[]{keyValues[i], keyValues[i + 1]});
        }
    }

    private static String basic(String idColonSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(idColonSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** A header value cannot hold a line break (it would end the header); everything else goes as is. */
    private static String header(String value) {
        return value.replace("\r", "").replace("\n", "");
    }

    private static String jwt(String header, String claims, String signature) {
        return b64(header) + "." + b64(claims) + "." + signature;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
