package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.HeadlessChromium;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.SecurityFixtures;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServerWithCallback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "Callers are clients" and "AllowAccessTokensViaBrowser" (issue 10, finding 1): a user's token never runs
 * the Identity Service API, whatever scopes it carries, and the system client's implicit grant yields id tokens only.
 */
class ApiCallerRuleIT extends OnSharedServerWithCallback {

    private static final String BROWSER_APP = "it-caller-browser-app";
    private static final String PASSWORD_APP = "it-caller-password-app";
    private static final String USER = "it-caller-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();
    private static final List<String> API = List.of("IdentityServerApi", "get_client_info", "update_client");

    @BeforeAll
    static void setUp() {
        kc.createUser(USER, PASSWORD);
        // An administrator may give a browser app the API scopes and access tokens via the browser; the API must
        // still refuse a user's token.
        SecurityFixtures.seed(kc, List.of(
                Map.of("ClientId", BROWSER_APP, "AllowedGrantTypes", List.of("implicit"), "AllowAccessTokensViaBrowser", true,
                        "RedirectUris", List.of(callback.url()), "AllowedScopes", SecurityFixtures.concat(List.of("openid"), API),
                        "RequireClientSecret", false),
                Map.of("ClientId", PASSWORD_APP, "Secrets", List.of(SecurityFixtures.SECRET),
                        "AllowedGrantTypes", List.of("password", "client_credentials"), "AllowOfflineAccess", true,
                        "AllowedScopes", API)));
    }

    @Test
    void aUsersBrowserTokenCannotCallTheApiEvenWithTheScopes() {
        HeadlessChromium.assumeInstalled();
        ChromeDriver browser = HeadlessChromium.start();
        String token;
        try {
            browser.get(kc.realmUrl() + "/connect/authorize?client_id=" + BROWSER_APP + "&response_type="
                    + BrowserlessLogin.enc("id_token token") + "&scope=" + BrowserlessLogin.enc("openid " + String.join(" ", API))
                    + "&nonce=n1&state=s1&redirect_uri=" + BrowserlessLogin.enc(callback.url()));
            Map<String, String> fragment = params(HeadlessChromium.signIn(browser, USER, PASSWORD, callback.url() + "#").getRawFragment());
            assertTrue(fragment.containsKey("access_token"), "an app allowed to may receive access tokens via the browser");
            token = fragment.get("access_token");
        } finally {
            browser.quit();
        }
        assertTrue(Http.jwtPayload(token).get("scope").asText().contains("update_client"), "the token carries the API scopes");
        for (String op : List.of("Clients/info", "Clients/update")) {
            JsonNode e = SecurityFixtures.error(api.call(op, token, Map.of("ClientId", PASSWORD_APP)), 403, "access_denied");
            assertTrue(e.get("error_description").asText().contains("client_credentials"), e.toString());
        }
    }

    @Test
    void passwordAndRefreshTokensCannotCallTheApi() {
        Http.Response password = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "password",
                "username", USER, "password", PASSWORD, "scope", String.join(" ", API) + " offline_access"), PASSWORD_APP, SecurityFixtures.SECRET);
        assertEquals(200, password.status(), password.body());
        SecurityFixtures.error(api.call("Clients/info", password.json().get("access_token").asText(), Map.of("ClientId", PASSWORD_APP)),
                403, "access_denied");
        Http.Response refreshed = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "refresh_token",
                "refresh_token", password.json().get("refresh_token").asText()), PASSWORD_APP, SecurityFixtures.SECRET);
        assertEquals(200, refreshed.status(), refreshed.body());
        SecurityFixtures.error(api.call("Clients/info", refreshed.json().get("access_token").asText(), Map.of("ClientId", PASSWORD_APP)),
                403, "access_denied");
        // The same client's own client_credentials token is a caller.
        String own = api.token(PASSWORD_APP, SecurityFixtures.SECRET, String.join(" ", API));
        assertEquals(200, api.call("Clients/info", own, Map.of("ClientId", PASSWORD_APP)).status());
    }

    @Test
    void accessTokensViaTheBrowserAreRefusedUnlessTheClientAllowsThem() {
        for (String authorize : List.of(kc.realmUrl() + "/connect/authorize", kc.realmUrl() + "/protocol/openid-connect/auth")) {
            Http.Response r = Http.get(authorize + "?client_id=" + IdsApi.SYSTEM_CLIENT + "&response_type="
                    + BrowserlessLogin.enc("id_token token") + "&scope=" + BrowserlessLogin.enc("openid IdentityServerApi update_client")
                    + "&nonce=n2&state=st-42&redirect_uri=" + BrowserlessLogin.enc("http://localhost:8090/lib"), null);
            assertEquals(302, r.status(), authorize + ": " + r.body());
            String location = r.raw().headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("http://localhost:8090/lib#"), location);
            Map<String, String> fragment = params(URI.create(location).getRawFragment());
            assertEquals("invalid_request", fragment.get("error"));
            assertEquals("Client not configured to receive access tokens via browser", fragment.get("error_description"));
            assertEquals("st-42", fragment.get("state"));
            assertTrue(!fragment.containsKey("access_token"), "no token may come back");
        }
    }

    static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
