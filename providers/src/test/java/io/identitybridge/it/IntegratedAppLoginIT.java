package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.HeadlessChromium;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServerWithCallback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creatio 8.3's integrated app (SPEC §4): registered by AddClient with redirect URIs, it signs a user in with the
 * authorization code and PKCE in a real browser, refreshes its tokens one time each (RefreshTokenUsage OneTime), and
 * gets client_credentials tokens on the same client id; revokeTokens then ends its refresh tokens.
 */
class IntegratedAppLoginIT extends OnSharedServerWithCallback {

    private static final String USER = "it-integrated-app-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();

    @BeforeAll
    static void setUp() {
        kc.createUser(USER, PASSWORD);
    }

    @Test
    void anIntegratedAppSignsInWithPkceAndRefreshesOneTime() {
        HeadlessChromium.assumeInstalled();
        String system = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
        JsonNode added = api.ok("Clients/register", system,
                CreatioIntegrationIT.addClientBody("", "Creatio 8.3 app", UUID.randomUUID().toString(), List.of(callback.url())));
        String app = added.get("clientId").asText();
        String secret = added.get("secret").asText();
        assertEquals(List.of("authorization_code", "client_credentials"), CreatioIntegrationIT.texts(added.get("allowedGrantTypes")));

        // Without a code challenge the authorize request is refused at the redirect URI.
        Http.Response noPkce = Http.get(authorize(app, null), null);
        assertEquals(302, noPkce.status(), noPkce.body());
        assertTrue(noPkce.raw().headers().firstValue("Location").orElse("").contains("error=invalid_request"),
                noPkce.raw().headers().firstValue("Location").orElse(""));

        String verifier = randomVerifier();
        String code;
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(authorize(app, challenge(verifier)));
            Map<String, String> query = ApiCallerRuleIT.params(HeadlessChromium.signIn(browser, USER, PASSWORD, callback.url() + "?").getRawQuery());
            assertEquals("st-83", query.get("state"));
            code = query.get("code");
        } finally {
            browser.quit();
        }

        // code (+ verifier) -> access and refresh token
        Http.Response tokens = token(app, secret, "grant_type", "authorization_code", "code", code, "redirect_uri", callback.url(),
                "code_verifier", verifier);
        assertEquals(200, tokens.status(), tokens.body());
        String refresh = tokens.json().get("refresh_token").asText();
        assertEquals(app, Http.jwtPayload(tokens.json().get("access_token").asText()).get("azp").asText());

        // refresh -> new tokens; the old refresh token is refused from then on
        Http.Response refreshed = token(app, secret, "grant_type", "refresh_token", "refresh_token", refresh);
        assertEquals(200, refreshed.status(), refreshed.body());
        String next = refreshed.json().get("refresh_token").asText();
        assertNotEquals(refresh, next);
        Http.Response reused = token(app, secret, "grant_type", "refresh_token", "refresh_token", refresh);
        assertEquals(400, reused.status(), reused.body());
        assertEquals("invalid_grant", reused.json().get("error").asText());

        // the same client id gets client_credentials tokens
        assertEquals(200, api.tokenResponse(app, secret, null).status());

        // revokeTokens ends a live session of the app: its refresh token, fine a moment before, is refused. A second
        // sign-in (over plain HTTP this time) gives a session of its own; Keycloak's admin API lists it first.
        String verifier2 = randomVerifier();
        String location = BrowserlessLogin.login(authorize(app, challenge(verifier2)), USER, PASSWORD);
        Http.Response second = token(app, secret, "grant_type", "authorization_code", "redirect_uri", callback.url(),
                "code", ApiCallerRuleIT.params(URI.create(location).getRawQuery()).get("code"), "code_verifier", verifier2);
        assertEquals(200, second.status(), second.body());
        awaitSessions(app, 1);
        JsonNode revoked = api.ok("Clients/revokeTokens", system, Map.of("ClientId", app));
        assertEquals(1, revoked.get("revokedSessionCount").asInt(), revoked.toString());
        Http.Response afterRevoke = token(app, secret, "grant_type", "refresh_token", "refresh_token", second.json().get("refresh_token").asText());
        assertEquals(400, afterRevoke.status(), afterRevoke.body());
        assertEquals("invalid_grant", afterRevoke.json().get("error").asText());
        assertTrue(!CreatioIntegrationIT.introspect(app, secret, second.json().get("access_token").asText()).get("active").asBoolean(),
                "an access token of the revoked session");
        api.ok("Clients/remove", system, Map.of("ClientId", app));
    }

    private static void awaitSessions(String clientId, int count) {
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0).get("id").asText();
        long deadline = System.currentTimeMillis() + 15_000;
        int seen = -1;
        while (System.currentTimeMillis() < deadline) {
            seen = kc.admin("GET", "/realms/creatio/clients/" + id + "/user-sessions", null).json().size();
            if (seen >= count) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the admin API lists " + seen + " sessions of " + clientId + ", not " + count);
    }

    private static String authorize(String app, String challenge) {
        return kc.realmUrl() + "/connect/authorize?client_id=" + app + "&response_type=code&scope=openid&state=st-83"
                + "&redirect_uri=" + BrowserlessLogin.enc(callback.url())
                + (challenge == null ? "" : "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private static Http.Response token(String app, String secret, String... form) {
        return Http.postForm(kc.realmUrl() + "/connect/token", Http.form(form), app, secret);
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
