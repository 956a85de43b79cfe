package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "Rules hold from every side" (issue 19, findings 1 and 5): every registration rule holds on Clients/update,
 * judged on the client as the update would leave it; a refused update changes nothing; a JSON null in an update is a
 * property not given.
 */
class UpdateKeepsEveryRegistrationRuleIT extends OnSharedServer {

    private static final String REGISTRAR = "it-update-rules-registrar";
    private static final String TENANT_REGISTRAR = "it-update-rules-tenant-registrar";
    private static final String TENANT = "cust-update-rules-tenant";
    private static final String CALLBACK = "https://app.example.test/update-rules/cb";
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
        SecurityFixtures.seedRegistrar(kc, TENANT_REGISTRAR, TENANT);
    }

    @Test
    void pkceCannotBeSwitchedOffByUpdate() {
        String app = codeApp();
        refused(app, Map.of("RequirePkce", false), "'RequirePkce' must be true");
        refused(app, Map.of("AllowPlainTextPkce", true), "'AllowPlainTextPkce' must be false");
        refused(app, Map.of("RequirePkce", false, "ClientName", "PKCE off, renamed"), "'RequirePkce' must be true");
        // As on register.
        JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar, Map.of("AllowedGrantTypes", List.of("authorization_code"),
                "RedirectUris", List.of(CALLBACK), "RequirePkce", false)), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'RequirePkce' must be true"), e.toString());

        // State unchanged: PKCE S256 is still required at the authorize endpoint, and the name was not written.
        assertEquals("S256", attributes(app).path("pkce.code.challenge.method").asText());
        assertFalse(info(app).get("clientName").asText().contains("renamed"));
        Http.Response r = Http.get(kc.realmUrl() + "/connect/authorize?client_id=" + app + "&response_type=code&scope=openid"
                + "&state=st-pkce&redirect_uri=" + BrowserlessLogin.enc(CALLBACK), null);
        assertEquals(302, r.status(), "no login page without code_challenge: " + r.body());
        String location = r.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?"), location);
        Map<String, String> query = ApiCallerRuleIT.params(URI.create(location).getRawQuery());
        assertEquals("invalid_request", query.get("error"), location);
        assertTrue(query.get("error_description").contains("code_challenge"), location);
        assertFalse(query.containsKey("code"), location);
        // An update that keeps PKCE passes.
        assertEquals(200, api.call("Clients/update", registrar, Map.of("ClientId", app, "RequirePkce", true)).status());
    }

    @Test
    void grantTypesOnUpdateAreJudgedAsOnRegister() {
        String app = ccApp(Map.of());
        for (List<String> grants : List.of(List.of("password"), List.of("implicit"), List.of("client_credentials", "device"),
                List.of("hybrid"), List.of("authorization_code", "client_credentials"))) {
            refused(app, Map.of("AllowedGrantTypes", grants), "'AllowedGrantTypes'");
        }
        refused(app, Map.of("AllowAccessTokensViaBrowser", true), "'AllowAccessTokensViaBrowser' must be false");
        JsonNode info = info(app);
        assertEquals("[\"client_credentials\"]", info.get("allowedGrantTypes").toString());
        assertFalse(info.get("allowAccessTokensViaBrowser").asBoolean());
    }

    @Test
    void urisOnUpdateAreJudgedAsOnRegister() {
        String app = codeApp();
        Map<Map<String, Object>, String> refused = new LinkedHashMap<>();
        refused.put(Map.of("RedirectUris", List.of("http://evil.example.test/cb")), "'RedirectUris[0]' must be an absolute https URI");
        refused.put(Map.of("RedirectUris", List.of(CALLBACK, "https://user:pw@app.example.test/cb")), "'RedirectUris[1]'");
        refused.put(Map.of("RedirectUris", List.of("https://app.example.test/cb#fragment")), "'RedirectUris[0]'");
        refused.put(Map.of("PostLogoutRedirectUris", List.of("http://evil.example.test/out")), "'PostLogoutRedirectUris[0]'");
        refused.put(Map.of("LogoutUri", "http://evil.example.test/logout"), "'LogoutUri'");
        refused.put(Map.of("FrontChannelLogoutUri", "http://evil.example.test/logout"), "'FrontChannelLogoutUri'");
        refused.put(Map.of("BackChannelLogoutUri", "http://evil.example.test/bc"), "'BackChannelLogoutUri'");
        refused.forEach((body, expected) -> refused(app, body, expected));
        JsonNode info = info(app);
        assertEquals("[\"" + CALLBACK + "\"]", info.get("redirectUris").toString());
        assertEquals("[]", info.get("postLogoutRedirectUris").toString());
        assertEquals("", attributes(app).path("backchannel.logout.url").asText(""));
        // Within the rule: https, or http on a loopback host.
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "RedirectUris", List.of(CALLBACK, "http://127.0.0.1:7000/cb")));
    }

    @Test
    void lifetimesOnUpdateAreJudgedAsOnRegister() {
        String app = ccApp(Map.of("AccessTokenLifetime", 600));
        // The suite's cap is the realm's access token lifespan, 3600 s (no registration-max-token-lifetime).
        refused(app, Map.of("AccessTokenLifetime", 3601), "'AccessTokenLifetime' is 3601 s; a registered client's token lifetime is at most 3600 s");
        refused(app, Map.of("IdentityTokenLifetime", 365 * 24 * 3600), "'IdentityTokenLifetime' is 31536000 s");
        assertEquals(600, info(app).get("accessTokenLifetime").asInt());
        assertEquals("300", attributes(app).path("ib.id.token.lifespan").asText());
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "AccessTokenLifetime", 3600));
        assertEquals(3600, info(app).get("accessTokenLifetime").asInt());
    }

    @Test
    void scopesOnUpdateAreJudgedAsOnRegister() {
        String app = ccApp(Map.of("AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)));
        refused(app, Map.of("AllowedScopes", List.of("IdentityServerApi")), "an Identity Service API scope");
        refused(app, Map.of("AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE, "update_client")), "'update_client', an Identity Service API scope");
        refused(app, Map.of("AllowedScopes", List.of("profile")), "'profile', which the registrar '" + REGISTRAR + "' does not hold itself");
        assertEquals("[\"" + SecurityFixtures.REPORTS_SCOPE + "\"]", info(app).get("allowedScopes").toString());
        // A scope the registrar holds passes, as on register.
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "AllowedScopes", List.of(SecurityFixtures.AUDIT_SCOPE)));
        assertEquals("[\"" + SecurityFixtures.AUDIT_SCOPE + "\"]", info(app).get("allowedScopes").toString());
    }

    @Test
    void offlineAccessOnUpdateFollowsAllowOfflineAccessAsOnRegister() {
        // On register: offline_access comes with AllowOfflineAccess, and is not a scope to name without holding it.
        JsonNode registered = api.register(registrar, Map.of("ClientName", "Offline on register", "AllowOfflineAccess", true));
        assertTrue(info(registered.get("clientId").asText()).get("allowedScopes").toString().contains("offline_access"));
        JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar, Map.of("AllowedScopes", List.of("offline_access"))),
                400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'offline_access', which the registrar"), e.toString());

        // On update the same.
        String app = ccApp(Map.of());
        refused(app, Map.of("AllowedScopes", List.of("offline_access")), "'offline_access', which the registrar");
        refused(app, Map.of("AllowedScopes", List.of("offline_access"), "AllowOfflineAccess", false), "'offline_access', which the registrar");
        assertFalse(info(app).get("allowedScopes").toString().contains("offline_access"));
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "AllowOfflineAccess", true));
        assertTrue(info(app).get("allowedScopes").toString().contains("offline_access"), "AllowOfflineAccess brings offline_access");
        assertEquals("true", attributes(app).path("use.refresh.tokens").asText());
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)));
        assertTrue(info(app).get("allowedScopes").toString().contains("offline_access"), "AllowedScopes alone keeps offline access");
        api.ok("Clients/update", registrar, Map.of("ClientId", app, "AllowOfflineAccess", false));
        assertEquals("[\"" + SecurityFixtures.REPORTS_SCOPE + "\"]", info(app).get("allowedScopes").toString(),
                "switching AllowOfflineAccess off takes offline_access away");
        assertEquals("false", attributes(app).path("use.refresh.tokens").asText());
    }

    @Test
    void nullInUpdateMeansNotGiven() {
        String tenant = SecurityFixtures.registrarToken(api, TENANT_REGISTRAR);
        JsonNode registered = api.register(tenant, Map.of("ClientName", "Null keeps", "Description", "kept",
                "AllowedGrantTypes", List.of("authorization_code", "client_credentials"), "RedirectUris", List.of(CALLBACK),
                "AccessTokenLifetime", 900, "AllowOfflineAccess", true, "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE),
                "Claims", List.of(Map.of("Type", "tier", "Value", "gold")), "Properties", Map.of("SystemUserId", "user-1")));
        String app = registered.get("clientId").asText();
        assertEquals(TENANT, registered.get("customerId").asText());
        JsonNode before = kc.admin("GET", "/realms/creatio/clients?clientId=" + app, null).json().get(0);
        JsonNode infoBefore = api.ok("Clients/info", tenant, Map.of("ClientId", app));
        for (String field : List.of("CustomerId", "AccessTokenLifetime", "IdentityTokenLifetime", "ClientName", "Description",
                "ClientUri", "LogoUri", "Enabled", "RedirectUris", "PostLogoutRedirectUris", "AllowedCorsOrigins", "AllowedScopes",
                "AllowOfflineAccess", "RequirePkce", "AllowPlainTextPkce", "AllowAccessTokensViaBrowser", "RequireConsent",
                "Claims", "PrefixClientClaims", "ClientClaimsPrefix", "AlwaysSendClientClaims", "AbsoluteRefreshTokenLifetime",
                "SlidingRefreshTokenLifetime", "RefreshTokenExpiration", "LogoutUri", "FrontChannelLogoutUri", "BackChannelLogoutUri",
                "LogoutSessionRequired", "FrontChannelLogoutSessionRequired", "BackChannelLogoutSessionRequired", "Properties",
                "AllowedGrantTypes", "Secrets", "ClientSecrets", "RequireClientSecret", "ProtocolType",
                "ClientAppName", "ClientAppDescription", "ClientAppUri", "SystemUserId")) {
            String body = "{\"ClientId\":\"" + app + "\",\"" + field + "\":null}";
            Http.Response r = api.call("Clients/update", tenant, body);
            assertEquals(200, r.status(), field + ": " + r.body());
            assertEquals("[]", r.json().get("changed").toString(), field + " null changes nothing: " + r.body());
        }
        // Creatio's UpdateClient body with its optional properties null.
        Http.Response creatio = api.call("Clients/update", tenant, "{\"ClientId\":\"" + app + "\",\"CustomerId\":null,"
                + "\"ClientAppName\":\"Null keeps\",\"ClientAppDescription\":null,\"ClientAppUri\":null,\"Enabled\":true,"
                + "\"SystemUserId\":null,\"RedirectUris\":[\"" + CALLBACK + "\"]}");
        assertEquals(200, creatio.status(), creatio.body());
        JsonNode after = kc.admin("GET", "/realms/creatio/clients?clientId=" + app, null).json().get(0);
        assertEquals(before.get("attributes"), after.get("attributes"));
        assertEquals(before.get("redirectUris"), after.get("redirectUris"));
        assertEquals(before.get("optionalClientScopes"), after.get("optionalClientScopes"));
        assertEquals(before.get("description"), after.get("description"));
        JsonNode infoAfter = api.ok("Clients/info", tenant, Map.of("ClientId", app));
        assertEquals(infoBefore, infoAfter);
        assertEquals(TENANT, infoAfter.get("customerId").asText(), "a null CustomerId keeps the inherited one");
        assertEquals(900, infoAfter.get("accessTokenLifetime").asInt(), "a null lifetime writes no default");
    }

    /** An authorization_code + client_credentials app, registered as Creatio 8.3 registers one (PKCE forced). */
    /**
     * Refused is what an update would break, never what a rule tightened since registration finds in the stored client:
     * Creatio's UpdateClient cannot send lifetimes or scopes, so an edit of an older app must still save.
     */
    @Test
    void aRuleTightenedSinceRegistrationBlocksNoUnrelatedUpdate() {
        String owner = "it-update-rules-shrinking-" + java.util.UUID.randomUUID();
        String token = seededRegistrar(owner);
        String app = api.register(token, Map.of("ClientName", "Older app", "AllowedScopes", List.of(SecurityFixtures.AUDIT_SCOPE)))
                .get("clientId").asText();
        // The operator takes the audit scope away from the registrar: the stored app now holds a scope its registrar does not.
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", owner, "ClientName", "Security registrar", "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", SecurityFixtures.concat(SecurityFixtures.API_SCOPES, List.of(SecurityFixtures.REPORTS_SCOPE)))));
        String after = SecurityFixtures.registrarToken(api, owner);
        assertEquals(200, api.call("Clients/update", after, Map.of("ClientId", app, "ClientName", "Older app, renamed")).status());
        assertEquals("Older app, renamed", api.ok("Clients/info", after, Map.of("ClientId", app)).get("clientName").asText());
        // Naming the scope again is giving it: refused, as on register.
        JsonNode e = SecurityFixtures.error(api.call("Clients/update", after, Map.of("ClientId", app,
                "AllowedScopes", List.of(SecurityFixtures.AUDIT_SCOPE))), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("does not hold itself"), e.toString());
    }

    private static String codeApp() {
        return api.register(registrar, Map.of("ClientName", "Update rules code app",
                "AllowedGrantTypes", List.of("authorization_code", "client_credentials"), "RedirectUris", List.of(CALLBACK)))
                .get("clientId").asText();
    }

    private static String ccApp(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("ClientName", "Update rules app");
        return api.register(registrar, body).get("clientId").asText();
    }

    /** An update refused with 400 naming the property and the rule. */
    private static void refused(String app, Map<String, Object> change, String expected) {
        Map<String, Object> body = new HashMap<>(change);
        body.put("ClientId", app);
        JsonNode e = SecurityFixtures.error(api.call("Clients/update", registrar, body), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains(expected), change + " -> " + e);
    }

    private static JsonNode info(String app) {
        return api.ok("Clients/info", registrar, Map.of("ClientId", app));
    }

    private static JsonNode attributes(String app) {
        return kc.admin("GET", "/realms/creatio/clients?clientId=" + app, null).json().get(0).get("attributes");
    }
}
