package io.identitybridge.browsertokens;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the client policy manager may end a non-authorize event at once: only when no enabled policy could apply. */
class AuthorizeOnlyPoliciesTest {

    private static String policy(String enabled, String conditions) {
        return "{\"name\":\"p\",\"enabled\":" + enabled + ",\"conditions\":[" + conditions + "],\"profiles\":[\"x\"]}";
    }

    private static String condition(String id, String configuration) {
        return "{\"condition\":\"" + id + "\",\"configuration\":" + configuration + "}";
    }

    private static String policies(String... each) {
        return "{\"policies\":[" + String.join(",", each) + "]}";
    }

    private static final String OURS = condition("ib-authorization-request", "{}");

    @Test
    void noPoliciesAtAllNeedNoEvaluation() {
        assertTrue(AuthorizeOnlyPolicies.realm(null));
        assertTrue(AuthorizeOnlyPolicies.realm("{}"));
        assertTrue(AuthorizeOnlyPolicies.realm(policies()));
    }

    @Test
    void theBundlesOwnPolicyAppliesOnlyToAuthorizeRequests() {
        assertTrue(AuthorizeOnlyPolicies.realm(policies(policy("true", OURS))));
        assertTrue(AuthorizeOnlyPolicies.realm(policies(policy("true", condition("any-client", "{}") + "," + OURS))));
    }

    @Test
    void anyOtherEnabledPolicyIsLeftToKeycloak() {
        assertFalse(AuthorizeOnlyPolicies.realm(policies(policy("true", OURS), policy("true", condition("any-client", "{}")))));
        assertFalse(AuthorizeOnlyPolicies.realm(policies(policy("true", ""))));
        assertFalse(AuthorizeOnlyPolicies.realm(policies("{\"name\":\"p\",\"enabled\":true,\"profiles\":[\"x\"]}")));
    }

    @Test
    void aDisabledPolicyCannotApply() {
        assertTrue(AuthorizeOnlyPolicies.realm(policies(policy("true", OURS), policy("false", condition("any-client", "{}")))));
    }

    @Test
    void ourConditionWithNegativeLogicAppliesToEveryOtherEvent() {
        assertFalse(AuthorizeOnlyPolicies.realm(policies(policy("true", condition("ib-authorization-request", "{\"is-negative-logic\":true}")))));
        assertFalse(AuthorizeOnlyPolicies.realm(policies(policy("true", condition("ib-authorization-request", "{\"is-negative-logic\":\"true\"}")))));
        assertTrue(AuthorizeOnlyPolicies.realm(policies(policy("true", condition("ib-authorization-request", "{\"is-negative-logic\":false}")))));
    }

    @Test
    void unreadablePoliciesAreLeftToKeycloak() {
        assertFalse(AuthorizeOnlyPolicies.realm("{\"policies\":[{\"name\":"));
        assertFalse(AuthorizeOnlyPolicies.realm("not json"));
    }

    @Test
    void theMemoStaysBounded() {
        for (int i = 0; i < 3 * AuthorizeOnlyPolicies.MAX_MEMO; i++) {
            assertTrue(AuthorizeOnlyPolicies.realm(policies(policy("true", OURS)).replace("\"p\"", "\"p" + i + "\"")));
        }
        assertTrue(AuthorizeOnlyPolicies.memoSize() <= AuthorizeOnlyPolicies.MAX_MEMO);
    }
}
