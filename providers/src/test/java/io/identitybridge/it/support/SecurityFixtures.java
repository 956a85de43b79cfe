package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients the security tests need, seeded through the admin seed endpoint as an administrator would (never through
 * the API, which may not grant API scopes): registrars with the API scopes, and user-facing apps.
 */
public final class SecurityFixtures {

    public static final String SECRET = "it-only-security-secret-0123456789abcdef";
    /** A non-API scope that the registrars hold, so that registration has something it may pass on. */
    public static final String REPORTS_SCOPE = "it.security.reports";
    public static final String AUDIT_SCOPE = "it.security.audit";
    public static final List<String> API_SCOPES = CreatioScopes.ALL;

    private SecurityFixtures() {
    }

    /** A registrar like Creatio's system client, optionally with a CustomerId; seeded once, idempotent. */
    public static void seedRegistrar(KeycloakServer kc, String clientId, String customerId) {
        Map<String, Object> client = new HashMap<>(Map.of("ClientId", clientId, "ClientName", "Security registrar",
                "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", concat(API_SCOPES, List.of(REPORTS_SCOPE, AUDIT_SCOPE))));
        if (customerId != null) {
            client.put("CustomerId", customerId);
        }
        seed(kc, List.of(client));
    }

    /** An authorization-code app, as Creatio's sign-in page is, that may pass invitationHash to the login pages. */
    public static void seedInvitationApp(KeycloakServer kc, String clientId, String callback) {
        seed(kc, List.of(Map.of("ClientId", clientId, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("authorization_code"), "RedirectUris", List.of(callback), "AllowedScopes", List.of("openid"),
                "Properties", Map.of("AllowedQueryParameters", "[\"invitationHash\"]"))));
    }

    public static void seed(KeycloakServer kc, List<Map<String, Object>> clients) {
        Http.Response r = seedCall(kc, "apply", clients);
        assertEquals(200, r.status(), r.body());
    }

    /** {@code seed/plan} or {@code seed/apply} of these clients with the test scopes, as an administrator sends it. */
    public static Http.Response seedCall(KeycloakServer kc, String planOrApply, List<Map<String, Object>> clients) {
        Map<String, Object> input = Map.of("Scopes", List.of(
                Map.of("Name", REPORTS_SCOPE, "Type", "Resource", "DisplayName", "Reports (tests)"),
                Map.of("Name", AUDIT_SCOPE, "Type", "Resource", "DisplayName", "Audit (tests)")), "Clients", clients);
        return kc.admin("POST", "/realms/creatio/identity-bridge/seed/" + planOrApply, input);
    }

    /** A client_credentials token of a seeded registrar, with every API scope. */
    public static String registrarToken(IdsApi api, String clientId) {
        return api.token(clientId, SECRET, String.join(" ", API_SCOPES));
    }

    /** What an administrator may do in the console and registration may not: give a client API scopes. */
    public static void grantByAdmin(KeycloakServer kc, String clientId, List<String> scopes) {
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0).get("id").asText();
        for (JsonNode scope : kc.admin("GET", "/realms/creatio/client-scopes", null).json()) {
            if (scopes.contains(scope.get("name").asText())) {
                Http.Response r = kc.admin("PUT", "/realms/creatio/clients/" + id + "/optional-client-scopes/" + scope.get("id").asText(), "");
                assertEquals(204, r.status(), r.body());
            }
        }
    }

    public static JsonNode error(Http.Response r, int status, String error) {
        // A call that wrongly succeeds may answer with a secret; the failure message shows the rest.
        assertEquals(status, r.status(), () -> r.body().replaceAll("\"(clientSecret|secret)\"\\s*:\\s*\"[^\"]*\"", "\"$1\":\"(not shown)\""));
        JsonNode json = r.json();
        assertEquals(error, json.get("error").asText(), r.body());
        return json;
    }

    /** Sends n calls released at the same instant (call i gets i); their answers, in order. */
    public static List<Http.Response> parallel(int n, java.util.function.IntFunction<Http.Response> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k);
                }));
            }
            go.countDown();
            List<Http.Response> out = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Http.Response> f : answers) {
                out.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
