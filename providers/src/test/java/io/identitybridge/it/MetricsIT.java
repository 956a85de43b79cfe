package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Is4Database;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.PrometheusText;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle's series on Keycloak's management {@code /metrics} (the shipped conf file enables it). The suite's server
 * is shared, so each test compares the counts before and after its own requests.
 */
class MetricsIT extends OnSharedServer {

    private static final String REGISTRAR = "it-metrics-registrar";
    private static final String API_CALLS = "identity_bridge_api_calls_total";
    private static final String API_LATENCY = "identity_bridge_api_call_duration_seconds";
    private static final String UNSERVED = "identity_bridge_unserved_calls_total";
    private static final String SEED_RUNS = "identity_bridge_seed_runs_total";
    private static final String SEED_ITEMS = "identity_bridge_seed_items_total";
    private static final String SWEEP_RUNS = "identity_bridge_resource_sweep_runs_total";
    private static final String SWEEP_REMOVED = "identity_bridge_resource_sweep_removed_total";
    private static final String AUTH_FAILURES = "identity_bridge_client_auth_failures_total";
    private static final String SIGNING_KEY_STEPS = "identity_bridge_signing_key_steps_total";
    private static String registrarToken;

    @BeforeAll
    static void setUp() {
        registrarToken = seededRegistrar(REGISTRAR);
    }

    @Test
    void apiCallsAreCountedByOperationStatusClassAndErrorCodeWithTheirLatency() {
        String clientId = "it-metrics-registered-" + UUID.randomUUID();
        String findOnly = api.token(REGISTRAR, SecurityFixtures.SECRET, "IdentityServerApi find_clients");
        PrometheusText before = PrometheusText.scrape(kc);

        assertEquals(200, api.call("Clients/find", registrarToken, "{\"CustomerIds\":[\"cust-" + UUID.randomUUID() + "\"]}").status());
        assertEquals(401, api.call("Clients/find", null, "{}").status());
        assertEquals(200, api.call("Clients/register", registrarToken, Map.of("ClientId", clientId, "AllowedScopes",
                List.of(SecurityFixtures.REPORTS_SCOPE))).status());
        assertEquals(400, api.call("Clients/register", registrarToken, "[]").status());
        assertEquals(403, api.call("Clients/register", findOnly, Map.of("ClientName", "no scope for this")).status());
        assertEquals(409, api.call("Clients/register", registrarToken, Map.of("ClientId", clientId)).status());
        assertEquals(404, api.call("Clients/info", registrarToken, Map.of("clientId", "it-metrics-missing-" + UUID.randomUUID())).status());

        PrometheusText after = PrometheusText.scrape(kc);
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/find", "status", "2xx", "error", "none");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/find", "status", "4xx", "error", "invalid_token");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/register", "status", "2xx", "error", "none");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/register", "status", "4xx", "error", "invalid_request");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/register", "status", "4xx", "error", "insufficient_scope");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/register", "status", "4xx", "error", "conflict");
        assertDelta(1, before, after, API_CALLS, "operation", "Clients/info", "status", "4xx", "error", "not_found");
        // The histogram: one observation per call, in the +Inf bucket and the count, by operation and status class.
        assertDelta(3, before, after, API_LATENCY + "_count", "operation", "Clients/register", "status", "4xx");
        assertDelta(3, before, after, API_LATENCY + "_bucket", "operation", "Clients/register", "status", "4xx", "le", "+Inf");
        assertDelta(1, before, after, API_LATENCY + "_count", "operation", "Clients/find", "status", "2xx");
        assertTrue(after.value(API_LATENCY + "_sum", "operation", "Clients/register") > before.value(API_LATENCY + "_sum", "operation", "Clients/register"));
        assertTrue(after.series.stream().filter(s -> s.name().equals(API_LATENCY + "_bucket")).map(s -> s.labels().get("le"))
                .distinct().count() > 5, "a histogram with buckets");
        assertFalse(after.text.contains(clientId), "a registered client's id is in /metrics");
    }

    @Test
    void unservedCallsAreCountedByMethodAndTokenNeverByPath() {
        String path = "/Clients/it-metrics-unserved-" + UUID.randomUUID();
        PrometheusText before = PrometheusText.scrape(kc);

        assertEquals(404, Http.sendJson("POST", kc.realmUrl() + path, registrarToken, "{\"a\":1}").status());
        assertEquals(404, Http.sendJson("DELETE", kc.realmUrl() + path, null, "{}").status());
        assertEquals(404, Http.sendJson("PROPFIND", kc.realmUrl() + path, null, "{}").status());

        PrometheusText after = PrometheusText.scrape(kc);
        assertDelta(1, before, after, UNSERVED, "method", "POST", "token", "valid");
        assertDelta(1, before, after, UNSERVED, "method", "DELETE", "token", "none");
        assertDelta(1, before, after, UNSERVED, "method", "other", "token", "none");
        assertFalse(after.text.contains("it-metrics-unserved"), "a path is in /metrics");
    }

    @Test
    void seedingRunsAndTheirClientsAreCountedByOutcomeAndAction() {
        String clientId = "it-metrics-seeded-" + UUID.randomUUID();
        List<Map<String, Object>> input = List.of(Map.of("ClientId", clientId, "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials")));
        PrometheusText before = PrometheusText.scrape(kc);

        assertEquals(200, seedApply(input).status());
        assertEquals(200, seedApply(input).status());
        assertEquals(400, seedApply("this is no seed input").status());

        PrometheusText after = PrometheusText.scrape(kc);
        assertDelta(1, before, after, SEED_RUNS, "source", "admin", "outcome", "applied");
        assertDelta(1, before, after, SEED_RUNS, "source", "admin", "outcome", "unchanged");
        assertDelta(1, before, after, SEED_RUNS, "source", "admin", "outcome", "invalid");
        assertDelta(3, before, after, "identity_bridge_seed_duration_seconds_count", "source", "admin");
        assertDelta(1, before, after, SEED_ITEMS, "source", "admin", "kind", "client", "action", "create");
        assertDelta(1, before, after, SEED_ITEMS, "source", "admin", "kind", "client", "action", "unchanged");
        assertDelta(0, before, after, SEED_ITEMS, "source", "admin", "kind", "client", "action", "update");
        // The suite's server seeded seed 000 once, at its start.
        assertEquals(1.0, after.value(SEED_RUNS, "source", "boot", "outcome", "applied"), "the boot seeding");
        assertTrue(after.value(SEED_ITEMS, "source", "boot", "kind", "client", "action", "create") >= 1, "the boot seeding's clients");
        assertFalse(after.text.contains(clientId), "a seeded client's id is in /metrics");
    }

    @Test
    void theSweepCountsItsRunsAndTheResourcesItRemoved() throws InterruptedException {
        JsonNode owner = OwnedResourcesIT.tenant(UUID.randomUUID().toString());
        String grantee = "it-metrics-grantee-" + UUID.randomUUID();
        kc.createServiceClient(grantee, List.of());
        String resource = "TempAccess_metrics_" + UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(), "register_own_resource IdentityServerApi");
        PrometheusText before = PrometheusText.scrape(kc);
        api.ok("OwnedResources/register", ownerToken, OwnedResourceBodies.registerBody(resource, Instant.now().plusSeconds(3), grantee));

        // The sweep runs every 5 s on the suite's server: it removes the expired resource and then counts it.
        long deadline = System.currentTimeMillis() + 30_000;
        PrometheusText after = before;
        boolean counted = false;
        while (!counted && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            after = PrometheusText.scrape(kc);
            counted = !api.clientScopeNames().contains(resource) && after.value(SWEEP_REMOVED) > before.value(SWEEP_REMOVED);
        }
        assertTrue(counted, "the sweep did not remove and count " + resource + " within 30 s");
        assertTrue(after.value(SWEEP_RUNS, "outcome", "swept") > before.value(SWEEP_RUNS, "outcome", "swept"), "a sweep run counted");
        assertTrue(after.present(SWEEP_RUNS, "outcome", "skipped") && after.present(SWEEP_RUNS, "outcome", "failed"), "every outcome served");
        assertFalse(after.text.contains(resource), "a resource name is in /metrics");
    }

    @Test
    void refusedClientAuthenticationsAreCountedByReasonNeverByClient() {
        String clientId = "it-metrics-auth-" + UUID.randomUUID();
        String expired = "it-only-expired-secret-" + KeycloakServer.randomSecret();
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", clientId, "AllowedGrantTypes", List.of("client_credentials"),
                "Secrets", List.of(SecurityFixtures.SECRET, Map.of("Value", expired, "Expiration", "2020-01-01T00:00:00Z")))));
        String wrong = "it-only-wrong-secret-" + KeycloakServer.randomSecret();
        PrometheusText before = PrometheusText.scrape(kc);

        assertEquals(401, api.tokenResponse(clientId, wrong, null).status());
        assertEquals(401, api.tokenResponse(clientId, wrong, null).status());
        assertEquals(401, api.tokenResponse(clientId, expired, null).status());
        assertEquals(401, Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials", "client_id", clientId),
                null, null).status());
        assertEquals(401, api.tokenResponse("it-metrics-nobody-" + UUID.randomUUID(), wrong, null).status());
        assertEquals(200, api.tokenResponse(clientId, SecurityFixtures.SECRET, null).status());

        PrometheusText after = PrometheusText.scrape(kc);
        assertDelta(2, before, after, AUTH_FAILURES, "reason", "wrong_secret");
        assertDelta(1, before, after, AUTH_FAILURES, "reason", "expired_secret");
        assertDelta(1, before, after, AUTH_FAILURES, "reason", "missing_secret");
        assertDelta(1, before, after, AUTH_FAILURES, "reason", "unknown_client");
        assertDelta(0, before, after, AUTH_FAILURES, "reason", "disabled_client");
        for (String reason : List.of("malformed_credentials", "conflicting_credentials", "unknown_client", "disabled_client",
                "missing_secret", "wrong_secret", "expired_secret")) {
            assertTrue(after.present(AUTH_FAILURES, "reason", reason), "served from the start: " + reason);
        }
        for (String text : List.of(clientId, wrong, expired, SecurityFixtures.SECRET)) {
            assertFalse(after.text.contains(text), "a client id or secret is in /metrics");
        }
    }

    /** Rotation is not built yet; the boot-time certificate steps are served from the start, at 0 on this server. */
    @Test
    void signingKeyStepsAreServedByStep() {
        PrometheusText now = PrometheusText.scrape(kc);
        for (String step : List.of("installed", "reactivated", "made_passive", "removed")) {
            assertTrue(now.present(SIGNING_KEY_STEPS, "step", step), "step " + step);
        }
    }

    @Test
    void theMetricsNeverShowASecretAHashOrAClientIdOfARegisteredClient() throws Exception {
        JsonNode registered = api.register(registrarToken, Map.of("ClientName", "Metrics scan", "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)));
        String registeredId = registered.get("clientId").asText();
        String registeredSecret = registered.get("clientSecret").asText();
        String hashed = "it-only-hashed-plain-" + KeycloakServer.randomSecret();
        String hash = Is4Database.sha256(hashed);
        String hashClient = "it-metrics-hash-" + UUID.randomUUID();
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", hashClient, "AllowedGrantTypes", List.of("client_credentials"),
                "ClientSecrets", List.of(Map.of("Value", hash, "Type", "SharedSecret")))));
        assertEquals(200, api.tokenResponse(registeredId, registeredSecret, null).status());
        assertEquals(200, api.tokenResponse(hashClient, hashed, null).status());
        assertEquals(401, api.tokenResponse(hashClient, registeredSecret, null).status());
        assertEquals(200, api.call("Clients/info", registrarToken, Map.of("clientId", registeredId)).status());

        PrometheusText metrics = PrometheusText.scrape(kc);
        List<String> secrets = new ArrayList<>(List.of(registeredSecret, hashed, hash, SecurityFixtures.SECRET, IdsApi.SYSTEM_SECRET));
        for (String id : List.of(registeredId, hashClient, REGISTRAR)) {
            JsonNode stored = kc.admin("GET", "/realms/creatio/clients?clientId=" + id, null).json().get(0).path("attributes").path("ib.secrets");
            assertFalse(stored.isMissingNode(), "stored hashes of " + id);
            for (JsonNode entry : Http.JSON.readTree(stored.asText())) {
                secrets.add(entry.get("hash").asText());
            }
        }
        for (String secret : secrets) {
            assertFalse(metrics.text.contains(secret), "a secret or hash is in /metrics");
        }
        for (String id : List.of(registeredId, hashClient, REGISTRAR, IdsApi.SYSTEM_CLIENT)) {
            assertFalse(metrics.text.contains(id), "client id " + id + " is in /metrics");
        }
        // No label of any series, ours or Keycloak's, is the id of a client of the realm (Keycloak's own clients aside).
        Set<String> clientIds = new HashSet<>();
        kc.admin("GET", "/realms/creatio/clients?max=100000", null).json().forEach(c -> clientIds.add(c.get("clientId").asText()));
        clientIds.removeAll(Set.of("account", "account-console", "admin-cli", "broker", "realm-management", "security-admin-console"));
        metrics.series.forEach(s -> s.labels().values().forEach(v -> assertFalse(clientIds.contains(v),
                "series " + s.name() + " has a client id as a label: " + v)));
    }

    private static Http.Response seedApply(Object body) {
        return kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", body);
    }

    private static void assertDelta(double expected, PrometheusText before, PrometheusText after, String name, String... labels) {
        assertEquals(expected, after.value(name, labels) - before.value(name, labels), name + " " + String.join(",", labels));
        assertTrue(after.present(name, labels) || expected == 0, name + " " + String.join(",", labels) + " is not served");
    }
}
