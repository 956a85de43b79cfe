package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IdentityServer4 paths under the realm ({@code /connect/*}) reach Keycloak's own endpoints in-process, and
 * client_credentials follows IdentityServer4 on both these and the native paths.
 */
class ConnectIT extends OnSharedServer {

    private static final String CLIENT = "connect-it-password-client";
    private static final String SECRET = "it-only-connect-secret-0123456789abcdefgh";
    private static final String SIGNED_OUT = "https://app.example.test/signed-out";
    private static final String HYBRID = "connect-it-hybrid-client";
    /** An implicit client allowed to receive access tokens via the browser (IS4's AllowAccessTokensViaBrowser). */
    private static final String IMPLICIT = "connect-it-implicit-client";
    private static final String HYBRID_CALLBACK = "https://app.example.test/signin-oidc";
    private static final String CODE = "connect-it-code-pkce-client";
    private static final String CODE_CALLBACK = "https://app.example.test/callback";
    private static final String USER = "connect-it-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();
    private static String connect;

    @BeforeAll
    static void init() {
        connect = kc.realmUrl() + "/connect";
        kc.createUser(USER, PASSWORD);
        List<Map<String, Object>> clients = List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("password", "refresh_token", "device", "client_credentials"),
                "PostLogoutRedirectUris", List.of(SIGNED_OUT), "AllowedScopes", List.of("openid", "profile", "IdentityServerApi", "orders.api"),
                "Claims", List.of(Map.of("Type", "tier", "Value", "gold"), Map.of("Type", "role", "Value", "a"),
                        Map.of("Type", "role", "Value", "b"))),
                Map.of("ClientId", IMPLICIT, "AllowedGrantTypes", List.of("implicit"), "AllowAccessTokensViaBrowser", true,
                        "RequireClientSecret", false, "RedirectUris", List.of("http://localhost:8090/lib"), "AllowedScopes", List.of("openid")),
                Map.of("ClientId", HYBRID, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("hybrid"),
                        "RedirectUris", List.of(HYBRID_CALLBACK), "AllowedScopes", List.of("openid", "profile")),
                Map.of("ClientId", CODE, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("authorization_code"),
                        "RequirePkce", true, "RedirectUris", List.of(CODE_CALLBACK), "PostLogoutRedirectUris", List.of(SIGNED_OUT),
                        "AllowedScopes", List.of("openid", "profile")));
        // An appsettings-style object: IS4 Scopes beside the Clients; orders.api is an API (Resource) scope.
        Map<String, Object> input = Map.of("Scopes", List.of(Map.of("Name", "orders.api", "Type", "Resource",
                "DisplayName", "Orders API")), "Clients", clients);
        Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", input);
        assertEquals(200, seeded.status(), seeded.body());
    }

    @Test
    void tokenFromConnectTokenIsSignedByTheRealmKeyAndIssuedByTheBaseUrl() throws Exception {
        Http.Response r = Http.postForm(connect + "/token",
                Http.form("grant_type", "client_credentials", "scope", "find_clients"), SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
        assertEquals(200, r.status(), r.body());
        String jwt = r.json().get("access_token").asText();
        assertTrue(verifiesAgainstJwks(jwt), "signature does not verify against the realm's JWKS");
        assertEquals(kc.realmUrl(), Http.jwtPayload(jwt).get("iss").asText());
    }

    @Test
    void clientCredentialsWithoutScopeGetsEveryAllowedScopeOnBothPaths() {
        for (String tokenUrl : List.of(connect + "/token", kc.realmUrl() + "/protocol/openid-connect/token")) {
            Http.Response all = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials"),
                    SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
            assertEquals(200, all.status(), all.body());
            assertEquals(java.util.Set.copyOf(CreatioScopes.ALL), ClientCredentialsIT.scopes(all.json().get("scope").asText()), tokenUrl);
            Http.Response one = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials", "scope", "find_clients"),
                    SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
            assertEquals(java.util.Set.of("find_clients"), ClientCredentialsIT.scopes(one.json().get("scope").asText()), tokenUrl);
            Http.Response notAllowed = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials", "scope", "profile"),
                    SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
            assertEquals(400, notAllowed.status(), tokenUrl);
            assertEquals("invalid_scope", notAllowed.json().get("error").asText(), tokenUrl);
        }
    }

    @Test
    void connectTokenAnswersErrorsLikeTheNativeEndpoint() {
        Http.Response badSecret = Http.postForm(connect + "/token", Http.form("grant_type", "client_credentials"),
                SeedingIT.SYSTEM_CLIENT, "not-the-secret-at-all-0123456789abcdef");
        assertEquals(401, badSecret.status());
        assertEquals("unauthorized_client", badSecret.json().get("error").asText());
        Http.Response noGrant = Http.postForm(connect + "/token", Http.form(), SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
        assertEquals(400, noGrant.status());
        assertEquals("invalid_request", noGrant.json().get("error").asText());
        // No endpoint serves GET here: an unserved call under the base URL is 404 not_found, on both paths (issue 12).
        assertEquals(404, Http.get(connect + "/token", null).status());
        assertEquals(404, Http.get(kc.realmUrl() + "/protocol/openid-connect/token", null).status());
        Http.Response json = Http.sendJson("POST", connect + "/token", null, "{\"grant_type\":\"client_credentials\"}");
        assertEquals(400, json.status());
    }

    @Test
    void revokedRefreshTokenNoLongerRefreshes() {
        JsonNode tokens = passwordGrant();
        String refresh = tokens.get("refresh_token").asText();
        Http.Response revoked = Http.postForm(connect + "/revocation",
                Http.form("token", refresh, "token_type_hint", "refresh_token"), CLIENT, SECRET);
        assertEquals(200, revoked.status());
        Http.Response again = Http.postForm(connect + "/token", Http.form("grant_type", "refresh_token", "refresh_token", refresh), CLIENT, SECRET);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().get("error").asText());
    }

    @Test
    void clientClaimsArePrefixedAndSentForClientCredentialsOnly() {
        Http.Response cc = Http.postForm(connect + "/token", Http.form("grant_type", "client_credentials"), CLIENT, SECRET);
        assertEquals(200, cc.status(), cc.body());
        JsonNode claims = Http.jwtPayload(cc.json().get("access_token").asText());
        assertEquals("gold", claims.get("client_tier").asText());
        assertEquals(2, claims.get("client_role").size());
        JsonNode user = Http.jwtPayload(passwordGrant().get("access_token").asText());
        assertTrue(!user.has("client_tier"), "client claims leaked into a password-grant token");
    }

    @Test
    void askingForAnApiScopePutsTheApiNameIntoAud() {
        Http.Response api = Http.postForm(connect + "/token", Http.form("grant_type", "client_credentials", "scope", "orders.api"), CLIENT, SECRET);
        assertEquals(200, api.status(), api.body());
        JsonNode aud = Http.jwtPayload(api.json().get("access_token").asText()).get("aud");
        assertTrue(aud != null && aud.toString().contains("\"orders.api\""), "aud: " + aud);
        Http.Response other = Http.postForm(connect + "/token", Http.form("grant_type", "client_credentials", "scope", "IdentityServerApi"), CLIENT, SECRET);
        JsonNode otherAud = Http.jwtPayload(other.json().get("access_token").asText()).get("aud");
        assertTrue(otherAud == null || !otherAud.toString().contains("orders.api"), "aud without asking: " + otherAud);
    }

    @Test
    void anOversizedTokenRequestIsA4xxNotA500() {
        String huge = "grant_type=client_credentials&scope=" + "x".repeat(12 * 1024 * 1024);
        Http.Response r = Http.sendRaw("POST", connect + "/token", "application/x-www-form-urlencoded", huge);
        assertTrue(r.status() >= 400 && r.status() < 500, "status " + r.status());
    }

    @Test
    void accessTokensOfEveryGrantCarryClientId() {
        JsonNode claims = Http.jwtPayload(passwordGrant().get("access_token").asText());
        assertEquals(CLIENT, claims.get("client_id").asText());
    }

    @Test
    void userinfoAnswersForTheUsersAccessTokenAndRefusesWithout() {
        JsonNode tokens = passwordGrant();
        Http.Response info = Http.get(connect + "/userinfo", tokens.get("access_token").asText());
        assertEquals(200, info.status());
        assertEquals(USER, info.json().get("preferred_username").asText());
        assertEquals(401, Http.get(connect + "/userinfo", null).status());
    }

    @Test
    void theIssuingClientIntrospectsItsTokenActiveOnBothPathsAndOthersSeeItInactive() {
        Http.Response cc = Http.postForm(connect + "/token", Http.form("grant_type", "client_credentials", "scope", "find_clients"),
                SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
        String token = cc.json().get("access_token").asText();
        for (String url : List.of(connect + "/introspect", kc.realmUrl() + "/protocol/openid-connect/token/introspect")) {
            Http.Response own = Http.postForm(url, Http.form("token", token), SeedingIT.SYSTEM_CLIENT, SeedingIT.SYSTEM_SECRET);
            assertEquals(200, own.status(), own.body());
            assertTrue(own.json().get("active").asBoolean(), url + " " + own.body());
            assertEquals(SeedingIT.SYSTEM_CLIENT, own.json().get("client_id").asText());
            Http.Response other = Http.postForm(url, Http.form("token", token), CLIENT, SECRET);
            assertEquals(200, other.status());
            assertTrue(!other.json().get("active").asBoolean(), url + ": a client neither issued to nor in aud saw the token");
        }
        assertEquals(401, Http.postForm(connect + "/introspect", Http.form("token", "x"), CLIENT, "wrong-secret-0123456789abcdefghijkl").status());
    }

    @Test
    void endSessionRedirectsOnlyToARegisteredPostLogoutUri() {
        String idToken = passwordGrant().get("id_token").asText();
        Http.Response ok = Http.get(connect + "/endsession?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + BrowserlessLogin.enc(SIGNED_OUT) + "&state=s1", null);
        assertEquals(302, ok.status());
        assertEquals(SIGNED_OUT + "?state=s1", ok.raw().headers().firstValue("Location").orElse(""));
        String other = passwordGrant().get("id_token").asText();
        Http.Response wrong = Http.get(connect + "/endsession?id_token_hint=" + other + "&post_logout_redirect_uri="
                + BrowserlessLogin.enc("https://evil.example.test/"), null);
        assertEquals(400, wrong.status());
    }

    @Test
    void authorizeShowsTheLoginPageForGetAndPost() {
        String query = "client_id=" + SeedingIT.SYSTEM_CLIENT + "&response_type=id_token&scope=openid&nonce=n1&redirect_uri="
                + BrowserlessLogin.enc("http://localhost:8090");
        Http.Response get = Http.get(connect + "/authorize?" + query, null);
        assertEquals(200, get.status());
        assertTrue(get.body().contains("kc-form-login"));
        Http.Response post = Http.postForm(connect + "/authorize", Map.of("client_id", SeedingIT.SYSTEM_CLIENT,
                "response_type", "id_token", "scope", "openid", "nonce", "n2", "redirect_uri", "http://localhost:8090",
                "response_mode", "form_post"), null, null);
        assertEquals(200, post.status());
        assertTrue(post.body().contains("kc-form-login"));
    }

    @Test
    void deviceAuthorizationAndCheckSessionAnswer() {
        Http.Response device = Http.postForm(connect + "/deviceauthorization", Http.form("scope", "openid"), CLIENT, SECRET);
        assertEquals(200, device.status(), device.body());
        assertTrue(device.json().has("device_code") && device.json().has("user_code"));
        Http.Response iframe = Http.get(connect + "/checksession", null);
        assertEquals(200, iframe.status());
        assertTrue(iframe.body().contains("<script"));
    }

    @Test
    void implicitFlowReturnsTokensToTheExactRedirectUriOnly() {
        String location = BrowserlessLogin.login(connect + "/authorize?client_id=" + IMPLICIT
                + "&response_type=" + BrowserlessLogin.enc("id_token token") + "&scope=openid&nonce=n3&state=s3&redirect_uri="
                + BrowserlessLogin.enc("http://localhost:8090/lib"), USER, PASSWORD);
        assertTrue(location.startsWith("http://localhost:8090/lib#"), "redirected elsewhere");
        Map<String, String> fragment = fragment(location);
        assertTrue(fragment.containsKey("id_token") && fragment.containsKey("access_token"), fragment.keySet().toString());
        assertEquals("s3", fragment.get("state"));
        Http.Response wrong = Http.get(connect + "/authorize?client_id=" + IMPLICIT + "&response_type=id_token"
                + "&scope=openid&nonce=n&redirect_uri=" + BrowserlessLogin.enc("http://localhost:8090/lib/extra"), null);
        assertEquals(400, wrong.status());
        assertTrue(wrong.raw().headers().firstValue("Location").isEmpty(), "a wrong redirect_uri must not be redirected to");
    }

    @Test
    void hybridFlowReturnsCodeAndIdTokenToTheExactRedirectUriAndTheCodeRedeems() {
        String location = BrowserlessLogin.login(connect + "/authorize?client_id=" + HYBRID
                + "&response_type=" + BrowserlessLogin.enc("code id_token") + "&scope=openid&nonce=n4&state=s4&redirect_uri="
                + BrowserlessLogin.enc(HYBRID_CALLBACK), USER, PASSWORD);
        assertTrue(location.startsWith(HYBRID_CALLBACK + "#"), "redirected elsewhere");
        Map<String, String> fragment = fragment(location);
        assertTrue(fragment.containsKey("code") && fragment.containsKey("id_token"), fragment.keySet().toString());
        Http.Response tokens = Http.postForm(connect + "/token", Http.form("grant_type", "authorization_code",
                "code", fragment.get("code"), "redirect_uri", HYBRID_CALLBACK), HYBRID, SECRET);
        assertEquals(200, tokens.status(), tokens.body());
        assertEquals(HYBRID, Http.jwtPayload(tokens.json().get("access_token").asText()).get("client_id").asText());
        // The hybrid client lists no post-logout URI: IS4 allows none, even its own redirect URI.
        Http.Response noPostLogout = Http.get(connect + "/endsession?id_token_hint=" + fragment.get("id_token")
                + "&post_logout_redirect_uri=" + BrowserlessLogin.enc(HYBRID_CALLBACK), null);
        assertEquals(400, noPostLogout.status());
        Http.Response wrong = Http.get(connect + "/authorize?client_id=" + HYBRID + "&response_type=" + BrowserlessLogin.enc("code id_token")
                + "&scope=openid&nonce=n&redirect_uri=" + BrowserlessLogin.enc(HYBRID_CALLBACK + "/"), null);
        assertEquals(400, wrong.status());
    }

    /** The path Creatio's web client takes: a real (headless) browser logs in through /connect/authorize with PKCE. */
    @Test
    void authorizationCodeWithPkceThroughConnectAuthorizeTokenUserinfoEndsession() throws Exception {
        String verifier = KeycloakServer.randomSecret() + KeycloakServer.randomSecret();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String location;
        try (org.htmlunit.WebClient browser = new org.htmlunit.WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setRedirectEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            org.htmlunit.html.HtmlPage login = browser.getPage(connect + "/authorize?client_id=" + CODE + "&response_type=code"
                    + "&scope=" + BrowserlessLogin.enc("openid profile") + "&state=s5&code_challenge=" + challenge
                    + "&code_challenge_method=S256&redirect_uri=" + BrowserlessLogin.enc(CODE_CALLBACK));
            org.htmlunit.html.HtmlForm form = (org.htmlunit.html.HtmlForm) login.getElementById("kc-form-login");
            form.getInputByName("username").type(USER);
            form.getInputByName("password").type(PASSWORD);
            org.htmlunit.Page after = ((org.htmlunit.html.HtmlElement) login.getElementById("kc-login")).click();
            assertEquals(302, after.getWebResponse().getStatusCode());
            location = after.getWebResponse().getResponseHeaderValue("Location");
        }
        assertTrue(location.startsWith(CODE_CALLBACK + "?"), "redirected elsewhere");
        String code = java.util.Arrays.stream(location.substring(location.indexOf('?') + 1).split("&"))
                .filter(p -> p.startsWith("code=")).findFirst().orElseThrow().substring(5);

        Http.Response noVerifier = Http.postForm(connect + "/token", Http.form("grant_type", "authorization_code", "code", "x",
                "redirect_uri", CODE_CALLBACK), CODE, SECRET);
        assertEquals(400, noVerifier.status());
        Http.Response tokens = Http.postForm(connect + "/token", Http.form("grant_type", "authorization_code", "code",
                java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", CODE_CALLBACK, "code_verifier", verifier), CODE, SECRET);
        assertEquals(200, tokens.status(), tokens.body());

        Http.Response info = Http.get(connect + "/userinfo", tokens.json().get("access_token").asText());
        assertEquals(200, info.status());
        assertEquals(USER, info.json().get("preferred_username").asText());

        Http.Response out = Http.get(connect + "/endsession?id_token_hint=" + tokens.json().get("id_token").asText()
                + "&post_logout_redirect_uri=" + BrowserlessLogin.enc(SIGNED_OUT), null);
        assertEquals(302, out.status());
        assertEquals(SIGNED_OUT, out.raw().headers().firstValue("Location").orElse(""));
        // The session is gone, so the access token no longer reaches userinfo.
        assertEquals(401, Http.get(connect + "/userinfo", tokens.json().get("access_token").asText()).status());
    }

    @Test
    void formPostResponseModePostsTheTokensToTheRedirectUri() {
        java.net.http.HttpResponse<String> page = BrowserlessLogin.submit(connect + "/authorize?client_id=" + SeedingIT.SYSTEM_CLIENT
                + "&response_type=id_token&response_mode=form_post&scope=openid&nonce=n6&state=s6&redirect_uri="
                + BrowserlessLogin.enc("http://localhost:8090"), USER, PASSWORD);
        assertEquals(200, page.statusCode());
        String html = page.body().toLowerCase(java.util.Locale.ROOT);
        assertTrue(html.contains("<form method=\"post\" action=\"http://localhost:8090\">"), "the form does not post to the redirect URI");
        assertTrue(html.contains("name=\"id_token\"") && html.contains("name=\"state\" value=\"s6\""), "no id_token or state in the posted form");
    }

    private static Map<String, String> fragment(String location) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : location.substring(location.indexOf('#') + 1).split("&")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonNode passwordGrant() {
        Http.Response r = Http.postForm(connect + "/token", Http.form("grant_type", "password", "username", USER,
                "password", PASSWORD, "scope", "openid profile"), CLIENT, SECRET);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static boolean verifiesAgainstJwks(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        String kid = Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("kid").asText();
        for (JsonNode key : Http.get(kc.realmUrl() + "/protocol/openid-connect/certs", null).json().get("keys")) {
            if (kid.equals(key.get("kid").asText())) {
                PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
                Signature sig = Signature.getInstance("SHA256withRSA");
                sig.initVerify(pub);
                sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return sig.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }
}
