package io.identitybridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §4 "Resources" (issue 10, finding 5): reserved names, a cap per owner, and expiry for every grant. */
class ResourceRulesIT extends OnSharedServer {

    /** The suite's server runs with max-resources-per-owner=100 (KeycloakServer). */
    private static final int CAP = 100;
    private static final String OWNER = "it-resources-owner";
    private static final String CAP_OWNER = "it-resources-cap-owner";
    private static final String GRANTEE = "it-resources-grantee";
    private static final String CALLBACK = "https://app.example.test/resources-cb";
    private static final String USER = "it-resources-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();
    private static String owner;

    @BeforeAll
    static void setUp() {
        kc.createUser(USER, PASSWORD);
        owner = seededRegistrar(OWNER);
        SecurityFixtures.seedRegistrar(kc, CAP_OWNER, null);
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", GRANTEE, "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials", "password", "authorization_code"), "AllowOfflineAccess", true,
                "RedirectUris", List.of(CALLBACK), "AllowedScopes", List.of("openid"))));
    }

    @Test
    void aResourceNeverTakesTheNameOfAStandardOrApiScope() {
        for (String name : List.of("openid", "OPENID", "profile", "email", "offline_access", "roles", "web-origins", "acr",
                "basic", "service_account", "IdentityServerApi", "register_own_resource", "get_service_info")) {
            Http.Response r = api.call("OwnedResources/register", owner, OwnedResourcesIT.registerBody(name, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE));
            JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains("ResourceInfo.Name"), e.toString());
        }
        // The name of any other existing scope is taken: 409, as before.
        SecurityFixtures.error(api.call("OwnedResources/register", owner,
                OwnedResourcesIT.registerBody(SecurityFixtures.REPORTS_SCOPE, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE)), 409, "conflict");
        // Finding 5's symptom: every client_credentials answer of the grantee had become an OpenID Connect one.
        Http.Response cc = api.tokenResponse(GRANTEE, SecurityFixtures.SECRET, null);
        assertEquals(200, cc.status(), cc.body());
        assertTrue(cc.json().get("id_token") == null, "a client_credentials answer never carries an id token");
        assertFalse(scopes(cc.json().get("access_token").asText()).contains("openid"));
    }

    @Test
    void liveResourcesPerOwnerAreCapped() {
        String token = SecurityFixtures.registrarToken(api, CAP_OWNER);
        String prefix = "cap_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        for (int i = 0; i < CAP; i++) {
            api.ok("OwnedResources/register", token, OwnedResourcesIT.registerBody(prefix + i, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE));
        }
        JsonNode e = SecurityFixtures.error(api.call("OwnedResources/register", token,
                OwnedResourcesIT.registerBody(prefix + CAP, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE)), 409, "conflict");
        assertTrue(e.get("error_description").asText().contains("max-resources-per-owner"), e.toString());
        assertEquals(1, api.ok("OwnedResources/delete", token, Map.of("Resources", List.of(prefix + 0))).get("affectedResourceCount").asInt());
        api.ok("OwnedResources/register", token, OwnedResourcesIT.registerBody(prefix + CAP, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE));
    }

    @Test
    void anExpiredResourceNeverEntersATokenOfAnyGrant() throws InterruptedException {
        String name = "Expiring_" + UUID.randomUUID().toString().substring(0, 8);
        Instant expires = Instant.now().plus(8, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        api.ok("OwnedResources/register", owner, OwnedResourcesIT.registerBody(name, expires, GRANTEE));
        // Before expiry every grant may carry it.
        assertTrue(scopes(api.token(GRANTEE, SecurityFixtures.SECRET, name)).contains(name));
        JsonNode password = password(name + " offline_access");
        assertTrue(scopes(password.get("access_token").asText()).contains(name));
        String refresh = password.get("refresh_token").asText();

        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 100);
        assertEquals("invalid_scope", api.tokenResponse(GRANTEE, SecurityFixtures.SECRET, name).json().get("error").asText());
        assertFalse(scopes(api.token(GRANTEE, SecurityFixtures.SECRET, null)).contains(name), "client_credentials without scope");
        assertFalse(scopes(password(name).get("access_token").asText()).contains(name), "password");
        Http.Response refreshed = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "refresh_token",
                "refresh_token", refresh), GRANTEE, SecurityFixtures.SECRET);
        assertEquals(200, refreshed.status(), refreshed.body());
        assertFalse(scopes(refreshed.json().get("access_token").asText()).contains(name), "refresh_token");
        String location = BrowserlessLogin.login(kc.realmUrl() + "/connect/authorize?client_id=" + GRANTEE + "&response_type=code"
                + "&scope=" + BrowserlessLogin.enc("openid " + name) + "&state=s&redirect_uri=" + BrowserlessLogin.enc(CALLBACK), USER, PASSWORD);
        String code = ApiCallerRuleIT.params(java.net.URI.create(location).getRawQuery()).get("code");
        Http.Response tokens = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK), GRANTEE, SecurityFixtures.SECRET);
        assertEquals(200, tokens.status(), tokens.body());
        JsonNode claims = Http.jwtPayload(tokens.json().get("access_token").asText());
        assertFalse(scopes(tokens.json().get("access_token").asText()).contains(name), "authorization_code");
        assertFalse(claims.path("aud").toString().contains(name), "aud");
    }

    private static JsonNode password(String scope) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "password", "username", USER,
                "password", PASSWORD, "scope", scope), GRANTEE, SecurityFixtures.SECRET);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> scopes(String jwt) {
        JsonNode scope = Http.jwtPayload(jwt).get("scope");
        return scope == null ? List.of() : Arrays.asList(scope.asText().split(" "));
    }
}
