package io.identitybridge.browsertokens;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure the bridge realm applies the AllowAccessTokensViaBrowser executor to every client, also in a realm
 * imported before this rule existed: a missing profile or policy is added at boot, an existing one is left alone
 * (an operator who disabled it on purpose keeps it disabled). A policy of the bundle's profiles whose one condition is
 * {@code any-client} (the realm file's before issue 21) gets {@link AuthorizationRequestCondition} instead: the same
 * outcome, since both executors judge authorize requests only, without Keycloak building them on every token event.
 */
public final class BrowserTokensPolicy {

    static final String NAME = AccessTokensViaBrowserExecutorFactory.PROVIDER_ID;
    private static final Logger LOG = Logger.getLogger(BrowserTokensPolicy.class);

    private BrowserTokensPolicy() {
    }

    public static void ensure(KeycloakSession session, RealmModel realm) {
        try {
            ClientProfilesRepresentation profiles = session.clientPolicy().getClientProfiles(realm, false);
            List<ClientProfileRepresentation> list = profiles.getProfiles() == null ? new ArrayList<>() : new ArrayList<>(profiles.getProfiles());
            if (list.stream().noneMatch(p -> NAME.equals(p.getName()))) {
                ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
                executor.setExecutorProviderId(AccessTokensViaBrowserExecutorFactory.PROVIDER_ID);
                executor.setConfiguration(JsonNodeFactory.instance.objectNode());
                ClientProfileRepresentation profile = new ClientProfileRepresentation();
                profile.setName(NAME);
                profile.setDescription("IdentityServer4's AllowAccessTokensViaBrowser (default false); added by Identity Bridge.");
                profile.setExecutors(List.of(executor));
                list.add(profile);
                profiles.setProfiles(list);
                session.clientPolicy().updateClientProfiles(realm, profiles);
                LOG.infof("Added client profile '%s' to realm '%s'", NAME, realm.getName());
            }
            ClientPoliciesRepresentation policies = session.clientPolicy().getClientPolicies(realm, false);
            List<ClientPolicyRepresentation> all = policies.getPolicies() == null ? new ArrayList<>() : new ArrayList<>(policies.getPolicies());
            if (all.stream().noneMatch(p -> p.getProfiles() != null && p.getProfiles().contains(NAME))) {
                ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
                policy.setName(NAME);
                policy.setDescription("Applies " + NAME + " to every client; added by Identity Bridge.");
                policy.setEnabled(true);
                policy.setConditions(List.of(authorizationRequests()));
                policy.setProfiles(List.of(NAME));
                all.add(policy);
                policies.setPolicies(all);
                session.clientPolicy().updateClientPolicies(realm, policies);
                LOG.infof("Added client policy '%s' to realm '%s'", NAME, realm.getName());
            }
            if (narrowed(all)) {
                policies.setPolicies(all);
                session.clientPolicy().updateClientPolicies(realm, policies);
                LOG.infof("Client policies of realm '%s' now apply the bundle's profiles to authorize requests only", realm.getName());
            }
        } catch (ClientPolicyException e) {
            throw new IllegalStateException("cannot install client policy " + NAME + " in realm '" + realm.getName() + "': " + e.getErrorDetail(), e);
        }
    }

    private static final List<String> BUNDLE_PROFILES = List.of(NAME, "ib-query-parameters");

    /** Swaps a lone {@code any-client} condition of a policy of the bundle's profiles; true if any was swapped. */
    private static boolean narrowed(List<ClientPolicyRepresentation> policies) {
        boolean changed = false;
        for (ClientPolicyRepresentation p : policies) {
            boolean ours = p.getProfiles() != null && !p.getProfiles().isEmpty() && BUNDLE_PROFILES.containsAll(p.getProfiles());
            List<ClientPolicyConditionRepresentation> c = p.getConditions();
            if (ours && c != null && c.size() == 1 && "any-client".equals(c.get(0).getConditionProviderId())) {
                p.setConditions(List.of(authorizationRequests()));
                changed = true;
            }
        }
        return changed;
    }

    private static ClientPolicyConditionRepresentation authorizationRequests() {
        ClientPolicyConditionRepresentation condition = new ClientPolicyConditionRepresentation();
        condition.setConditionProviderId(AuthorizationRequestConditionFactory.PROVIDER_ID);
        condition.setConfiguration(JsonNodeFactory.instance.objectNode());
        return condition;
    }
}
