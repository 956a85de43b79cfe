package io.identitybridge.it;

import io.identitybridge.it.support.HeadlessChromium;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServerWithCallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.identitybridge.it.support.BrowserlessLogin.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creatio's AllowedQueryParameters on the real server, in headless Chromium: allowed authorize parameters reach the
 * login page (escaped) and tokens (query-parameter-claim), whole; others are rejected with invalid_request, or
 * dropped when the realm's executor says so; clients without an allow-list keep Keycloak's behaviour.
 */
class QueryParamsIT extends OnSharedServerWithCallback {

    private static final String CLIENT = "query-params-it-code-client";
    private static final String PLAIN = "query-params-it-plain-client";
    private static final String SECRET = "it-only-query-params-secret-0123456789ab";
    private static final List<String> ALLOWED = List.of("invitationHash", "targetSubject", "extra1", "extra2", "extra3", "extra4");
    private static final String USER = "query-params-it-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();
    private ChromeDriver browser;

    @BeforeAll
    static void init() throws Exception {
        kc.createUser(USER, PASSWORD);
        Map<String, Object> withList = Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("authorization_code"), "RedirectUris", List.of(callback.url()),
                "AllowedScopes", List.of("openid", "profile"),
                // Creatio's form: a JSON string holding an array.
                "Properties", Map.of("AllowedQueryParameters", Http.JSON.writeValueAsString(ALLOWED)));
        Map<String, Object> plain = Map.of("ClientId", PLAIN, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("authorization_code"), "RedirectUris", List.of(callback.url()),
                "AllowedScopes", List.of("openid"));
        Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(withList, plain));
        assertEquals(200, seeded.status(), seeded.body());
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + CLIENT, null).json().get(0).get("id").asText();
        Map<String, String> claims = new LinkedHashMap<>(Map.of("targetSubject", "target_subject", "invitationHash", "invitation_hash"));
        ALLOWED.stream().filter(p -> p.startsWith("extra")).forEach(p -> claims.put(p, p));
        for (Map.Entry<String, String> e : claims.entrySet()) {
            Map<String, Object> mapper = Map.of("name", e.getKey(), "protocol", "openid-connect", "protocolMapper", "query-parameter-claim",
                    "config", Map.of("query.parameter", e.getKey(), "claim.name", e.getValue(), "id.token.claim", "true",
                            "access.token.claim", "true", "userinfo.token.claim", "true"));
            Http.Response r = kc.admin("POST", "/realms/creatio/clients/" + id + "/protocol-mappers/models", mapper);
            assertEquals(201, r.status(), r.body());
        }
    }

    @BeforeEach
    void openBrowser() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theInvitationIsShownAndTheMappedClaimIsInTheTokens() {
        browser.get(authorize(kc.realmUrl() + "/connect/authorize", CLIENT) + "&invitationHash=INV-7f3a9c&targetSubject=subject-42");
        assertEquals("INV-7f3a9c", invitationCode());
        assertTrue(browser.findElement(By.id("ib-invitation")).getText().contains("You have been invited to Creatio"));
        HeadlessChromium.screenshot(browser, "login-with-invitation.png");
        JsonNode tokens = loginAndRedeem();
        for (String token : List.of("id_token", "access_token")) {
            JsonNode claims = Http.jwtPayload(tokens.get(token).asText());
            assertEquals("subject-42", claims.path("target_subject").asText(), token);
            assertEquals("INV-7f3a9c", claims.path("invitation_hash").asText(), token);
        }
        JsonNode userinfo = Http.get(kc.realmUrl() + "/connect/userinfo", tokens.get("access_token").asText()).json();
        assertEquals("subject-42", userinfo.path("target_subject").asText());
    }

    @Test
    void withoutAnInvitationThePageHasNoNoticeAndTheTokenNoClaim() {
        browser.get(authorize(kc.realmUrl() + "/protocol/openid-connect/auth", CLIENT));
        assertTrue(browser.findElements(By.id("ib-invitation")).isEmpty(), "an invitation notice without invitationHash");
        assertTrue(browser.getPageSource().contains("Sign in to Creatio"));
        HeadlessChromium.screenshot(browser, "login-without-invitation.png");
        JsonNode claims = Http.jwtPayload(loginAndRedeem().get("access_token").asText());
        assertTrue(claims.path("target_subject").isMissingNode(), claims.toString());
    }

    @Test
    void theInvitationIsTranslated() {
        browser.get(authorize(kc.realmUrl() + "/connect/authorize", CLIENT) + "&ui_locales=de&invitationHash=INV-de");
        assertTrue(browser.findElement(By.id("ib-invitation")).getText().contains("Sie wurden zu Creatio eingeladen"));
    }

    @Test
    void aScriptValueIsShownEscapedAndNeverRuns() {
        String script = "<script>alert(1)</script>";
        browser.get(authorize(kc.realmUrl() + "/connect/authorize", CLIENT) + "&invitationHash=" + enc(script));
        assertEquals(script, invitationCode());
        assertTrue(browser.getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the value is not escaped in the HTML");
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('#ib-invitation script').length"));
        assertThrows(TimeoutException.class, () -> new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent()));
    }

    @Test
    void anUnknownParameterIsInvalidRequestOnBothPathsAndClientsWithoutAListKeepKeycloaksBehaviour() {
        for (String path : List.of("/connect/authorize", "/protocol/openid-connect/auth")) {
            Http.Response r = Http.get(authorize(kc.realmUrl() + path, CLIENT) + "&invitationHash=x&utm_source=mail", null);
            Map<String, String> error = redirectQuery(r);
            assertEquals("invalid_request", error.get("error"), path);
            assertEquals("Parameter 'utm_source' is not allowed for this client", error.get("error_description"), path);
            assertEquals("s1", error.get("state"), path);
        }
        Http.Response plain = Http.get(authorize(kc.realmUrl() + "/connect/authorize", PLAIN) + "&utm_source=mail", null);
        assertEquals(200, plain.status());
        assertTrue(plain.body().contains("kc-form-login"));
    }

    @Test
    void inDropModeAnUnknownParameterIsDroppedAndTheLoginGoesOn() {
        setRealmMode("drop");
        try {
            browser.get(authorize(kc.realmUrl() + "/connect/authorize", CLIENT) + "&utm_source=mail&invitationHash=INV-drop");
            assertEquals("INV-drop", invitationCode());
            assertTrue(browser.getPageSource().contains("kc-form-login"));
        } finally {
            setRealmMode("");
        }
        Map<String, String> error = redirectQuery(Http.get(authorize(kc.realmUrl() + "/connect/authorize", CLIENT) + "&utm_source=mail", null));
        assertEquals("invalid_request", error.get("error"), "reject mode not restored");
    }

    @Test
    void sixAllowedParametersOf1500CharactersAreAllKeptWhole() {
        // About 9 KB of query string: Keycloak's HTTP layer takes request lines up to 32 KB. Stock Keycloak would keep
        // only five of these, and the login page and tokens would silently miss the sixth.
        Map<String, String> form = new LinkedHashMap<>();
        StringBuilder url = new StringBuilder(authorize(kc.realmUrl() + "/protocol/openid-connect/auth", CLIENT));
        for (int i = 0; i < ALLOWED.size(); i++) {
            form.put(ALLOWED.get(i), String.valueOf((char) ('a' + i)).repeat(1500));
            url.append('&').append(ALLOWED.get(i)).append('=').append(form.get(ALLOWED.get(i)));
        }
        browser.get(url.toString());
        assertEquals(form.get("invitationHash"), invitationCode());
        JsonNode claims = Http.jwtPayload(loginAndRedeem().get("access_token").asText());
        assertEquals(form.get("targetSubject"), claims.path("target_subject").asText());
        assertEquals(form.get("invitationHash"), claims.path("invitation_hash").asText());
        for (String extra : List.of("extra1", "extra2", "extra3", "extra4")) {
            assertEquals(form.get(extra), claims.path(extra).asText(), extra);
        }
    }

    @Test
    void aValueAboveTheLimitIsInvalidRequestNotCut() {
        Map<String, String> form = new LinkedHashMap<>(authorizeParams(CLIENT));
        form.put("invitationHash", "x".repeat(4001));
        Map<String, String> error = redirectQuery(Http.postForm(kc.realmUrl() + "/connect/authorize", form, null, null));
        assertEquals("invalid_request", error.get("error"));
        assertEquals("Parameter 'invitationHash' is longer than 4000 characters", error.get("error_description"));
        form.put("invitationHash", "y".repeat(3000)); // above Keycloak's own 2000, within ours: kept whole
        Http.Response page = Http.postForm(kc.realmUrl() + "/connect/authorize", form, null, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(">" + "y".repeat(3000) + "<"), "the 3000-character value was not shown whole");
    }

    private static Map<String, String> authorizeParams(String clientId) {
        return Http.form("client_id", clientId, "response_type", "code", "scope", "openid", "state", "s1",
                "redirect_uri", callback.url());
    }

    private static String authorize(String endpoint, String clientId) {
        StringBuilder url = new StringBuilder(endpoint).append('?');
        authorizeParams(clientId).forEach((k, v) -> url.append(k).append('=').append(enc(v)).append('&'));
        return url.substring(0, url.length() - 1);
    }

    private String invitationCode() {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("ib-invitation-code"))).getText();
    }

    private JsonNode loginAndRedeem() {
        Map<String, String> query = query(HeadlessChromium.signIn(browser, USER, PASSWORD, callback.url() + "?").getRawQuery());
        assertTrue(query.containsKey("code"), "no code: " + query.keySet());
        Http.Response tokens = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", callback.url()), CLIENT, SECRET);
        assertEquals(200, tokens.status(), tokens.body());
        return tokens.json();
    }

    private static void setRealmMode(String mode) {
        JsonNode profiles = kc.admin("GET", "/realms/creatio/client-policies/profiles", null).json();
        ObjectNode body = Http.JSON.createObjectNode();
        body.set("profiles", profiles.get("profiles"));
        boolean found = false;
        for (JsonNode profile : body.get("profiles")) {
            for (JsonNode executor : profile.path("executors")) {
                if ("ib-query-parameters".equals(executor.path("executor").asText())) {
                    ((ObjectNode) executor.get("configuration")).put("unknown-parameters", mode);
                    found = true;
                }
            }
        }
        assertTrue(found, "the realm has no ib-query-parameters executor: " + profiles);
        Http.Response r = kc.admin("PUT", "/realms/creatio/client-policies/profiles", body);
        assertEquals(204, r.status(), r.body());
    }

    private static Map<String, String> redirectQuery(Http.Response r) {
        assertEquals(302, r.status(), r.body());
        String location = r.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(callback.url() + "?"), "redirected elsewhere: " + location);
        return query(URI.create(location).getRawQuery());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
