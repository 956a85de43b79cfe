package io.identitybridge.browsertokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.identitybridge.spi.BoundedMemo;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.util.List;

/**
 * Whether a set of client policies can be satisfied only on an authorize request: every enabled one holds the
 * condition {@code ib-authorization-request} without negative logic, which votes NO on every other event, and one NO
 * makes Keycloak skip the policy whatever its other conditions say. The realm's policies are read from their JSON
 * text once per distinct text (Keycloak parses it on every policy event, several times per token).
 */
final class AuthorizeOnlyPolicies {

    /** Beyond it the memo starts over: a server of many realms reads each text again, never unbounded memory. */
    static final int MAX_MEMO = 256;
    private static final String NEGATIVE_LOGIC = "is-negative-logic";
    private static final BoundedMemo<String, Boolean> MEMO = new BoundedMemo<>(MAX_MEMO, AuthorizeOnlyPolicies::read);

    private AuthorizeOnlyPolicies() {
    }

    /** The realm's policies attribute (null: none); unreadable text is not ours to judge: false. */
    static boolean realm(String json) {
        if (json == null) {
            return true;
        }
        return MEMO.get(json);
    }

    static int memoSize() {
        return MEMO.size();
    }

    static boolean read(String json) {
        try {
            ClientPoliciesRepresentation policies = JsonSerialization.readValue(json, ClientPoliciesRepresentation.class);
            return policies == null || all(policies.getPolicies());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when none of {@code policies} (null: none) can be satisfied on an event other than an authorize request. */
    static boolean all(List<ClientPolicyRepresentation> policies) {
        if (policies == null) {
            return true;
        }
        for (ClientPolicyRepresentation policy : policies) {
            if (policy != null && Boolean.TRUE.equals(policy.isEnabled()) && !authorizeOnly(policy.getConditions())) {
                return false;
            }
        }
        return true;
    }

    private static boolean authorizeOnly(List<ClientPolicyConditionRepresentation> conditions) {
        if (conditions == null) {
            return false;
        }
        for (ClientPolicyConditionRepresentation condition : conditions) {
            if (condition != null && AuthorizationRequestConditionFactory.PROVIDER_ID.equals(condition.getConditionProviderId())
                    && !negative(condition.getConfiguration())) {
                return true;
            }
        }
        return false;
    }

    private static boolean negative(JsonNode configuration) {
        if (configuration == null) {
            return false;
        }
        JsonNode flag = configuration.get(NEGATIVE_LOGIC);
        // Keycloak reads the flag with Jackson's boolean conversion: "true" and true both count.
        return flag != null && (flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText()));
    }
}
