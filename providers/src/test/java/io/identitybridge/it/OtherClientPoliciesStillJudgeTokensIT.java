package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle's client policy manager ends a token request's policy events at once only when no enabled policy of the
 * realm could apply to them (each holds the authorize-only condition). Attacked from every side on a realm of its own:
 * a second policy, the condition turned negative, the policy edited back; each time a token request must be judged
 * exactly as Keycloak's own manager judges it. The profile's executor allows only signed-JWT client authentication,
 * so a policy that applies refuses this client's secret.
 */
class OtherClientPoliciesStillJudgeTokensIT extends OnSharedServer {

    private static final String REALM = "ib-policy-it";
    private static final String CLIENT = "policy-it-client";
    private static final String SECRET = "policy-it-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Map<String, Object> ONLY_JWT = Map.of("profiles", List.of(Map.of("name", "only-jwt", "description", "test",
            "executors", List.of(Map.of("executor", "secure-client-authenticator",
                    "configuration", Map.of("allowed-client-authenticators", List.of("client-jwt"), "default-client-authenticator", "client-jwt"))))));

    @BeforeAll
    static void realmWithAConfidentialClient() {
        kc.admin("DELETE", "/realms/" + REALM, null);
        assertEquals(201, kc.admin("POST", "/realms", Map.of("realm", REALM, "enabled", true)).status());
        assertEquals(201, kc.admin("POST", "/realms/" + REALM + "/clients", Map.of("clientId", CLIENT, "publicClient", false,
                "secret", SECRET, "clientAuthenticatorType", "client-secret", "serviceAccountsEnabled", true,
                "standardFlowEnabled", false)).status());
        Http.Response r = kc.admin("PUT", "/realms/" + REALM + "/client-policies/profiles", ONLY_JWT);
        assertEquals(204, r.status(), r.body());
    }

    @AfterAll
    static void dropTheRealm() {
        kc.admin("DELETE", "/realms/" + REALM, null);
    }

    private static Map<String, Object> policy(String name, String condition, boolean negative) {
        return Map.of("name", name, "enabled", true, "profiles", List.of("only-jwt"),
                "conditions", List.of(Map.of("condition", condition, "configuration", Map.of("is-negative-logic", negative))));
    }

    private static void setPolicies(List<Map<String, Object>> policies) {
        Http.Response r = kc.admin("PUT", "/realms/" + REALM + "/client-policies/policies", Map.of("policies", policies));
        assertEquals(204, r.status(), r.body());
    }

    private static Http.Response token() {
        return Http.postForm(kc.baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials"), CLIENT, SECRET);
    }

    private static void refused() {
        Http.Response r = token();
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("Configured client authentication method not allowed"), r.body());
    }

    @Test
    void anAuthorizeOnlyPolicyLeavesTokenRequestsAlone() {
        setPolicies(List.of(policy("authorize-only", "ib-authorization-request", false)));
        Http.Response r = token();
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aSecondPolicyForAnyClientStillJudgesTokenRequests() {
        setPolicies(List.of(policy("authorize-only", "ib-authorization-request", false), policy("every-client", "any-client", false)));
        refused();
        setPolicies(List.of(policy("authorize-only", "ib-authorization-request", false)));
        assertEquals(200, token().status(), "the policy removed, the memo of the old text must not linger");
    }

    @Test
    void theAuthorizeOnlyConditionWithNegativeLogicJudgesTokenRequests() {
        setPolicies(List.of(policy("not-authorize", "ib-authorization-request", true)));
        refused();
        setPolicies(List.of(policy("authorize-only", "ib-authorization-request", false)));
        assertEquals(200, token().status());
    }
}
