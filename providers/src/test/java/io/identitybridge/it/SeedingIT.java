package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client seeding on the real server. The suite server seeded {@code seed/00_create.json} (the seed 000 sample) at
 * boot; the numbered fixtures then go through the admin REST resource in order.
 */
@ExtendWith(RealKeycloak.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedingIT {

    static final String SYSTEM_CLIENT = "CreatioSystemClient01";
    static final String SYSTEM_SECRET = "it-only-secret-0123456789abcdefghijklmnop";
    private static final String USER = "seeding-it-user";
    private static final String USER_PASSWORD = KeycloakServer.randomSecret();

    private static KeycloakServer kc;

    @BeforeAll
    static void init(KeycloakServer server) {
        kc = server;
        kc.createUser(USER, USER_PASSWORD);
    }

    @Test
    @Order(1)
    void bootSeededTheSeed000SampleWithItsScopesAndAccessTokenLifetime() {
        JsonNode token = clientCredentials(SYSTEM_CLIENT, SYSTEM_SECRET, "register_own_resource IdentityServerApi");
        assertEquals(Set.of("register_own_resource", "IdentityServerApi"), ClientCredentialsIT.scopes(token.get("scope").asText()));
        JsonNode claims = Http.jwtPayload(token.get("access_token").asText());
        assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals(SYSTEM_CLIENT, claims.get("azp").asText());
        assertTrue(kc.log().contains("Identity Bridge seeded realm 'creatio'"), "no seeding line in the server log");
    }

    @Test
    @Order(1)
    void aSeededClientHasExactlyItsScopesAndKeycloaksServiceAccountScope() {
        // Keycloak links the realm's default scopes to every new client; seeding keeps only the ones it gives every
        // client, adds Keycloak's service-account scope to a client_credentials client, and its AllowedScopes as optional.
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + SYSTEM_CLIENT, null).json().get(0).get("id").asText();
        assertEquals(Set.of("acr", "basic", "web-origins", "service_account"), scopeNames(id, "default-client-scopes"));
        assertEquals(Set.of("register_own_resource", "get_resource_list", "get_client_info", "find_clients", "remove_client",
                "update_client", "add_registrar_client", "IdentityServerApi", "generate_auth_code", "revoke_client_tokens",
                "get_service_info"), scopeNames(id, "optional-client-scopes"));
    }

    private static Set<String> scopeNames(String clientUuid, String kind) {
        Set<String> names = new HashSet<>();
        kc.admin("GET", "/realms/creatio/clients/" + clientUuid + "/" + kind, null).json().forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    @Test
    @Order(2)
    void implicitFlowIdTokenLivesIdentityTokenLifetime() {
        String location = BrowserlessLogin.login(kc.realmUrl() + "/protocol/openid-connect/auth?client_id=" + SYSTEM_CLIENT
                + "&response_type=id_token&scope=openid&nonce=n-1&state=s-1&redirect_uri="
                + BrowserlessLogin.enc("http://localhost:8090"), USER, USER_PASSWORD);
        assertTrue(location.startsWith("http://localhost:8090#"), location.replaceAll("id_token=[^&]+", "id_token=…"));
        String idToken = fragmentParam(location, "id_token");
        JsonNode claims = Http.jwtPayload(idToken);
        assertEquals(300, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    @Order(3)
    void redirectUrisMatchExactly() {
        Http.Response r = Http.get(kc.realmUrl() + "/protocol/openid-connect/auth?client_id=" + SYSTEM_CLIENT
                + "&response_type=id_token&scope=openid&nonce=n&redirect_uri=" + BrowserlessLogin.enc("http://localhost:8090/libx"), null);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Invalid parameter: redirect_uri"), "expected Keycloak's redirect_uri error page");
    }

    @Test
    @Order(10)
    void reseedingTheBootInputPlansAllUnchangedAndWritesNothing() {
        String before = kc.export();
        JsonNode plan = seed("plan", Fixtures.text("seed/00_create.json"), 200);
        assertEquals("unchanged", plan.at("/clients/0/action").asText());
        JsonNode applied = seed("apply", Fixtures.text("seed/00_create.json"), 200);
        assertFalse(applied.get("applied").asBoolean());
        assertEquals(before, kc.export());
    }

    @Test
    @Order(11)
    void updateChangesExactlyTheChangedFieldsAndAddsTheNewClient() {
        JsonNode plan = seed("plan", Fixtures.text("seed/01_update.json"), 200);
        assertEquals("update", plan.at("/clients/0/action").asText());
        assertEquals(Set.of("AccessTokenLifetime", "RedirectUris"), strings(plan.at("/clients/0/changes")));
        assertEquals("create", plan.at("/clients/1/action").asText());

        JsonNode applied = seed("apply", Fixtures.text("seed/01_update.json"), 200);
        assertTrue(applied.get("applied").asBoolean());
        JsonNode claims = Http.jwtPayload(clientCredentials(SYSTEM_CLIENT, SYSTEM_SECRET, "IdentityServerApi").get("access_token").asText());
        assertEquals(1800, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    @Order(12)
    void aClientWithSeveralSecretsAuthenticatesWithEachAndNoOther() {
        for (String secret : List.of("it-only-first-secret-0123456789abcdefgh", "it-only-second-secret-0123456789abcdefg")) {
            JsonNode token = clientCredentials("CreatioIntegrationClient", secret, "IdentityServerApi");
            JsonNode claims = Http.jwtPayload(token.get("access_token").asText());
            assertEquals(600, claims.get("exp").asLong() - claims.get("iat").asLong());
        }
        Http.Response wrong = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "client_credentials"), "CreatioIntegrationClient", "it-only-third-secret-0123456789abcdefgh");
        assertEquals(401, wrong.status());
        assertEquals("unauthorized_client", wrong.json().get("error").asText());
        JsonNode client = kc.admin("GET", "/realms/creatio/clients?clientId=CreatioIntegrationClient", null).json().get(0);
        assertEquals("8f0a1c2e-0000-4000-8000-000000000001", client.at("/attributes/ib.customer.id").asText());
    }

    @Test
    @Order(13)
    void theAppsettingsFormOfTheSameClientsIsAllUnchanged() {
        String before = kc.export();
        JsonNode applied = seed("apply", Fixtures.text("seed/02_unchanged.json"), 200);
        assertEquals(2, applied.at("/summary/unchanged").asInt());
        assertFalse(applied.get("applied").asBoolean());
        assertEquals(before, kc.export());
    }

    @Test
    @Order(14)
    void invalidInputListsEveryProblemAndLeavesTheRealmByteForByte() {
        String before = kc.export();
        JsonNode result = seed("apply", Fixtures.text("seed/03_invalid.json"), 400);
        assertEquals("invalid_seed_input", result.get("error").asText());
        List<String> texts = new ArrayList<>();
        result.get("problems").forEach(p -> texts.add(p.get("text").asText()));
        for (String expected : List.of("client #0 ClientId is missing", "Secrets[0] is shorter than 32 characters",
                "unknown grant type 'teleport'", "contains a wildcard", "is not an absolute URI", "names 'no_such_scope'",
                "AccessTokenLifetime is -1 s", "IdentityTokenLifetime is 999999999 s", "is used by an earlier client",
                "Colour is not a known client property")) {
            assertTrue(texts.stream().anyMatch(t -> t.contains(expected)), "missing '" + expected + "' in " + texts);
        }
        assertFalse(result.toString().contains("too-short-it-secret"), "a secret reached the response");
        assertEquals(before, kc.export());
    }

    @Test
    @Order(15)
    void identityServer4ModelWithItsScopeIsSeededAndTheScopeIsInDiscovery() {
        JsonNode applied = seed("apply", Fixtures.text("seed/04_is4_model.json"), 200);
        assertEquals("create", applied.at("/scopes/0/action").asText());
        assertEquals("create", applied.at("/clients/0/action").asText());
        Set<String> scopes = strings(Http.get(kc.realmUrl() + "/.well-known/openid-configuration", null).json().get("scopes_supported"));
        assertTrue(scopes.contains("crm.read"), scopes.toString());
        // The IS4 hash of "secret" from the IS4 docs authenticates, as it did against IdentityServer4.
        Http.Response r = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "refresh_token", "refresh_token", "not-a-token"), "mvc.hybrid.client.0001", "secret");
        assertEquals(400, r.status());
        assertEquals("invalid_grant", r.json().get("error").asText());
        assertEquals("unchanged", seed("plan", Fixtures.text("seed/04_is4_model.json"), 200).at("/clients/0/action").asText());
    }

    @Test
    @Order(16)
    void pruneRemovesOnlySeededClientsGoneFromTheInput() {
        kc.createServiceClient("hand-made-client-for-prune", List.of("IdentityServerApi"));
        JsonNode plan = seed("plan?prune=true", Fixtures.text("seed/00_create.json"), 200);
        Set<String> deleted = new HashSet<>();
        plan.get("clients").forEach(c -> {
            if ("delete".equals(c.get("action").asText())) {
                deleted.add(c.get("name").asText());
            }
        });
        // Exactly the seeded clients other than 00's: those of this class, and any other test class's seeded ones.
        Set<String> seeded = new HashSet<>();
        kc.admin("GET", "/realms/creatio/clients?max=1000", null).json().forEach(c -> {
            if ("true".equals(c.at("/attributes/ib.seeded").asText())) {
                seeded.add(c.get("clientId").asText());
            }
        });
        seeded.remove(SYSTEM_CLIENT);
        assertTrue(seeded.containsAll(Set.of("CreatioIntegrationClient", "mvc.hybrid.client.0001")), seeded.toString());
        assertEquals(seeded, deleted);
        seed("apply?prune=true", Fixtures.text("seed/00_create.json"), 200);
        assertEquals(0, kc.admin("GET", "/realms/creatio/clients?clientId=CreatioIntegrationClient", null).json().size());
        assertEquals(1, kc.admin("GET", "/realms/creatio/clients?clientId=hand-made-client-for-prune", null).json().size());
        assertEquals(1, kc.admin("GET", "/realms/creatio/clients?clientId=" + SYSTEM_CLIENT, null).json().size());
    }

    @Test
    @Order(20)
    void seedResourceRequiresAnAdminWithManageClients() {
        String url = kc.baseUrl() + "/admin/realms/creatio/identity-bridge/seed/plan";
        assertEquals(401, Http.sendJson("POST", url, null, "[]").status());
        String userToken = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "password", "client_id", "admin-cli", "username", USER, "password", USER_PASSWORD), null, null)
                .json().path("access_token").asText();
        assertEquals(403, Http.sendJson("POST", url, userToken, "[]").status());
    }

    @Test
    @Order(21)
    void malformedBodiesAreClear400sNever500s() {
        for (String body : List.of("", "{", "\"[{\\\"ClientId\\\":}]\"", "42", "{\"NoClients\":[]}", "[[]]", "null")) {
            JsonNode r = seed("plan", body, 400);
            assertFalse(r.get("problems").isEmpty(), body);
        }
    }

    @Test
    @Order(22)
    void aClientNamingAnApiScopesScopeOfTheSameInputPlansFine() {
        JsonNode plan = seed("plan", "{\"IdentityServer\":{\"Clients\":[{\"ClientId\":\"OrdersServiceClient01\","
                + "\"Secrets\":[\"orders-secret-0123456789abcdefghijklmnop\"],\"AllowedGrantTypes\":[\"client_credentials\"],"
                + "\"AllowedScopes\":[\"orders.read\"]}],\"ApiScopes\":[{\"Name\":\"orders.read\",\"UserClaims\":[\"tenant\"]}],"
                + "\"ApiResources\":[{\"Name\":\"orders\",\"Scopes\":[\"orders.read\"],\"ApiSecrets\":[{\"Value\":\"x\"}]}]}}", 200);
        assertTrue(plan.get("valid").asBoolean(), plan.toString());
        assertEquals("orders.read", plan.at("/scopes/0/name").asText());
        assertEquals("create", plan.at("/scopes/0/action").asText());
        assertEquals("create", plan.at("/clients/0/action").asText());
        List<String> warnings = new ArrayList<>();
        plan.get("problems").forEach(p -> warnings.add(p.get("text").asText()));
        assertTrue(warnings.contains("warning: ApiResources #0 (orders) ApiSecrets has no counterpart in Keycloak and is not carried over"
                + " (an API introspects tokens with a Keycloak client of its own)"), warnings.toString());
    }

    @Test
    @Order(23)
    void aSeedInputOverTheEndpointsLimitIsA413JsonNamingTheLimit() {
        Http.Response r = kc.admin("POST", "/realms/creatio/identity-bridge/seed/plan", "[" + " ".repeat(10_000_000) + "]");
        assertEquals(413, r.status(), () -> r.body().substring(0, Math.min(300, r.body().length())));
        assertEquals("invalid_request", r.json().get("error").asText());
        assertTrue(r.json().get("error_description").asText().startsWith("the seed input has more than 10000000 characters, this"
                + " endpoint's limit"), r.body());
    }

    @Test
    @Order(24)
    void aBodyOverKeycloaksHttpLimitIsRefusedWith413BeforeAnyProvider() {
        // quarkus.http.limits.max-body-size, 10 MiB by default: Keycloak answers before the endpoint (or its permission check) runs.
        Http.Response r = Http.sendRaw("POST", kc.baseUrl() + "/admin/realms/creatio/identity-bridge/seed/plan", "application/json",
                "[" + " ".repeat(11 * 1024 * 1024) + "]");
        assertEquals(413, r.status());
    }

    private static JsonNode seed(String mode, String body, int expectedStatus) {
        Http.Response r = kc.admin("POST", "/realms/creatio/identity-bridge/seed/" + mode, body);
        assertEquals(expectedStatus, r.status(), () -> r.body());
        return r.json();
    }

    private static JsonNode clientCredentials(String clientId, String secret, String scope) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "client_credentials", "scope", scope), clientId, secret);
        assertEquals(200, r.status(), () -> r.body());
        return r.json();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String fragmentParam(String location, String name) {
        for (String part : location.substring(location.indexOf('#') + 1).split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in the redirect");
    }
}
