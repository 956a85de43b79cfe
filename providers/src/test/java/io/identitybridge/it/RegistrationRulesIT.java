package io.identitybridge.it;

import io.identitybridge.it.support.HostileRequests;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "Registration grants no more than the registrar holds", "Ownership" and "Claims" (issue 10, findings 2-4),
 * attacked through Clients/register and Clients/update on the real server.
 */
class RegistrationRulesIT extends OnSharedServer {

    private static final String REGISTRAR = "it-rules-registrar";
    private static final String OTHER_REGISTRAR = "it-rules-other-registrar";
    private static final String TENANT_REGISTRAR = "it-rules-tenant-registrar";
    private static final String TENANT = "cust-rules-tenant";
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
        SecurityFixtures.seedRegistrar(kc, OTHER_REGISTRAR, null);
        SecurityFixtures.seedRegistrar(kc, TENANT_REGISTRAR, TENANT);
    }

    @Test
    void registrationGrantsNoMoreThanTheRegistrarHolds() {
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("AllowedGrantTypes", List.of("client_credentials", "password")), "'password' is refused",
                Map.of("AllowedGrantTypes", List.of("implicit")), "'implicit' is refused",
                Map.of("AllowedGrantTypes", List.of("hybrid")), "'hybrid' is refused",
                Map.of("AllowedGrantTypes", List.of("device")), "'device' is refused",
                Map.of("AllowedScopes", List.of("IdentityServerApi")), "an Identity Service API scope",
                Map.of("AllowedScopes", List.of("add_registrar_client", "update_client", "remove_client")), "an Identity Service API scope",
                Map.of("AllowedGrantTypes", List.of("authorization_code"), "RequirePkce", false, "RedirectUris", List.of("https://app.example.test/cb")), "'RequirePkce' must be true",
                Map.of("AllowedGrantTypes", List.of("authorization_code"), "RedirectUris", List.of("http://evil.example.test/cb")), "'RedirectUris[0]' must be an absolute https URI",
                Map.of("PostLogoutRedirectUris", List.of("https://user:pw@app.example.test/out")), "'PostLogoutRedirectUris[0]'",
                Map.of("AccessTokenLifetime", 365 * 24 * 3600), "'AccessTokenLifetime' is 31536000 s");
        refused.forEach((body, expected) -> {
            Http.Response r = api.call("Clients/register", registrar, body);
            JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains(expected), body + " -> " + e);
        });
        Map<String, Object> fragment = Map.of("AllowedGrantTypes", List.of("authorization_code"),
                "RedirectUris", List.of("https://app.example.test/cb#frag"));
        SecurityFixtures.error(api.call("Clients/register", registrar, fragment), 400, "invalid_request");

        // Within the rules: a code client gets PKCE, loopback http is fine, and the scope the registrar holds passes.
        JsonNode ok = api.register(registrar, Map.of("AllowedGrantTypes", List.of("authorization_code", "client_credentials"),
                "RedirectUris", List.of("https://app.example.test/cb", "http://127.0.0.1:7000/cb", "http://localhost/cb"),
                "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)));
        assertEquals(List.of("authorization_code", "client_credentials"), names(ok.get("allowedGrantTypes")));
        assertEquals(200, api.tokenResponse(ok.get("clientId").asText(), ok.get("clientSecret").asText(), SecurityFixtures.REPORTS_SCOPE).status());
    }

    @Test
    void aRegistrarsCustomerIdIsInheritedAndCannotBeChanged() {
        String tenant = SecurityFixtures.registrarToken(api, TENANT_REGISTRAR);
        JsonNode inherited = api.register(tenant, Map.of("ClientName", "Tenant app"));
        assertEquals(TENANT, inherited.get("customerId").asText());
        JsonNode e = SecurityFixtures.error(api.call("Clients/register", tenant, Map.of("CustomerId", "cust-someone-else")), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'CustomerId'"), e.toString());
        SecurityFixtures.error(api.call("Clients/update", tenant, Map.of("ClientId", inherited.get("clientId").asText(),
                "CustomerId", "cust-someone-else")), 400, "invalid_request");
    }

    @Test
    void updateAndRemoveActOnlyOnClientsTheCallerRegistered() {
        String other = SecurityFixtures.registrarToken(api, OTHER_REGISTRAR);
        String mine = api.register(registrar, Map.of("ClientName", "Mine")).get("clientId").asText();
        String theirs = api.register(other, Map.of("ClientName", "Theirs")).get("clientId").asText();
        for (String target : List.of(theirs, IdsApi.SYSTEM_CLIENT, OTHER_REGISTRAR)) {
            for (String op : List.of("Clients/update", "Clients/remove", "Clients/info")) {
                Map<String, Object> body = new HashMap<>(Map.of("ClientId", target));
                if (op.equals("Clients/update")) {
                    body.put("ClientName", "hijacked");
                }
                SecurityFixtures.error(api.call(op, registrar, body), 403, "access_denied");
            }
        }
        assertFalse(api.ok("Clients/info", other, Map.of("ClientId", theirs)).get("clientName").asText().equals("hijacked"));
        assertEquals("Renamed", api.ok("Clients/update", registrar, Map.of("ClientId", mine, "ClientName", "Renamed")).get("clientName").asText());
        assertEquals("{\"affectedClientCount\":1}", api.ok("Clients/remove", registrar, Map.of("ClientId", mine)).toString());
    }

    @Test
    void theBuiltInCheckRunsOnTheClientFoundNotOnTheRequestText() {
        for (String spelled : List.of("SECURITY-ADMIN-CONSOLE", "Admin-Cli", "security-admin-console")) {
            Http.Response r = api.call("Clients/update", registrar, Map.of("ClientId", spelled, "ClientName", "x"));
            assertTrue(r.status() == 403 || r.status() == 404, spelled + ": " + r.status() + " " + r.body());
        }
    }

    @Test
    void clientClaimsCannotUseReservedNames() {
        for (String claim : List.of("exp", "azp", "scope", "client_id", "sub", "iss", "aud", "preferred_username", "EXP")) {
            Map<String, Object> body = Map.of("PrefixClientClaims", false, "Claims", List.of(Map.of("Type", claim, "Value", "forged")));
            JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar, body), 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains("'" + claim + "'"), e.toString());
        }
        // With IS4's prefix the same types are harmless, and they reach a client_credentials token exactly once.
        JsonNode ok = api.register(registrar, Map.of("Claims", List.of(Map.of("Type", "exp", "Value", "forged"),
                Map.of("Type", "tier", "Value", "gold"))));
        JsonNode claims = Http.jwtPayload(api.token(ok.get("clientId").asText(), ok.get("clientSecret").asText(), null));
        assertEquals("forged", claims.get("client_exp").asText());
        assertEquals("gold", claims.get("client_tier").asText());
        assertTrue(claims.get("exp").isNumber());
        assertEquals(ok.get("clientId").asText(), claims.get("client_id").asText());
        // Seeding refuses the same names, naming the client and the claim.
        Http.Response plan = kc.admin("POST", "/realms/creatio/identity-bridge/seed/plan", List.of(Map.of("ClientId", "it-rules-forger-" + UUID.randomUUID(),
                "Secrets", List.of(SecurityFixtures.SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                "PrefixClientClaims", false, "Claims", List.of(Map.of("Type", "client_id", "Value", IdsApi.SYSTEM_CLIENT)))));
        assertEquals(400, plan.status(), plan.body());
        assertTrue(plan.body().contains("'client_id'"), plan.body());
    }

    @Test
    void anUpdateWithAReservedClaimOrAnUnknownScopeIs400NamingIt() {
        String mine = api.register(registrar, Map.of("ClientName", "Claims by update")).get("clientId").asText();
        JsonNode e = SecurityFixtures.error(api.call("Clients/update", registrar, Map.of("ClientId", mine, "PrefixClientClaims", false,
                "Claims", List.of(Map.of("Type", "azp", "Value", IdsApi.SYSTEM_CLIENT)))), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'Claims[0].Type'") && e.get("error_description").asText().contains("'azp'"), e.toString());
        e = SecurityFixtures.error(api.call("Clients/update", registrar, Map.of("ClientId", mine,
                "Claims", List.of(Map.of("Type", "ok", "Value", "nul\u0000")))), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'Claims[0].Value'"), e.toString());
        JsonNode info = api.ok("Clients/info", registrar, Map.of("ClientId", mine));
        assertFalse(info.toString().contains(IdsApi.SYSTEM_CLIENT), "a refused update changes nothing: " + info);
    }

    @Test
    void aPrefixChangeCannotTurnAStoredClaimIntoAReservedName() {
        JsonNode ok = api.register(registrar, Map.of("Claims", List.of(Map.of("Type", "sub", "Value", "forged-subject"))));
        String mine = ok.get("clientId").asText();
        for (Map<String, Object> change : List.of(Map.<String, Object>of("PrefixClientClaims", false), Map.<String, Object>of("ClientClaimsPrefix", ""))) {
            Map<String, Object> body = new HashMap<>(change);
            body.put("ClientId", mine);
            JsonNode e = SecurityFixtures.error(api.call("Clients/update", registrar, body), 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains("'sub'"), change + " -> " + e);
        }
        JsonNode claims = Http.jwtPayload(api.token(mine, ok.get("clientSecret").asText(), null));
        assertEquals("forged-subject", claims.get("client_sub").asText(), "the stored claim keeps its prefix");
        assertFalse(claims.get("sub").asText().equals("forged-subject"));
        // A harmless new prefix is applied to the stored claims.
        api.ok("Clients/update", registrar, Map.of("ClientId", mine, "ClientClaimsPrefix", "app_"));
        assertEquals("forged-subject", Http.jwtPayload(api.token(mine, ok.get("clientSecret").asText(), null)).get("app_sub").asText());
    }

    @Test
    void concurrentRemovesOfOneClientRemoveItOnceWithoutAnError() throws Exception {
        int logStart = kc.log().length();
        for (int round = 0; round < 3; round++) {
            String mine = api.register(registrar, Map.of("ClientName", "Removed twice")).get("clientId").asText();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return api.call("Clients/remove", registrar, Map.of("ClientId", mine));
                    }));
                }
                go.countDown();
                int removed = 0;
                for (java.util.concurrent.Future<Http.Response> f : answers) {
                    Http.Response r = f.get();
                    if (r.status() == 200) {
                        removed += r.json().get("affectedClientCount").asInt();
                    } else {
                        assertTrue(r.status() == 404 || r.status() == 409, r.status() + " " + r.body());
                    }
                }
                assertEquals(1, removed, "exactly one remove removes the client");
            } finally {
                pool.shutdownNow();
            }
        }
        Thread.sleep(500);
        String window = kc.log().substring(logStart);
        assertTrue(HostileRequests.errorLines(window).isEmpty(), "no ERROR in the server log:\n" + String.join("\n", HostileRequests.errorLines(window)));
    }

    @Test
    void aRegisteredClientCanBeSavedInTheAdminConsole() {
        // IS4's defaults (30-day absolute refresh) exceed the realm's SSO Session Idle, which the console refuses to save.
        String mine = api.register(registrar, Map.of("ClientName", "Console-savable", "AllowOfflineAccess", true,
                "AbsoluteRefreshTokenLifetime", 5_000_000, "RefreshTokenExpiration", "Absolute")).get("clientId").asText();
        JsonNode rep = kc.admin("GET", "/realms/creatio/clients?clientId=" + mine, null).json().get(0);
        JsonNode realm = kc.admin("GET", "/realms/creatio", null).json();
        JsonNode attributes = rep.get("attributes");
        assertTrue(attributes.get("client.session.idle.timeout").asInt() <= realm.get("ssoSessionIdleTimeout").asInt(), attributes.toString());
        assertTrue(attributes.get("client.session.max.lifespan").asInt() <= realm.get("ssoSessionMaxLifespan").asInt(), attributes.toString());
        Http.Response saved = kc.admin("PUT", "/realms/creatio/clients/" + rep.get("id").asText(), rep);
        assertEquals(204, saved.status(), saved.body());
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).sorted().toList();
    }
}
