package io.identitybridge.browsertokens;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProvider;

/**
 * Any client, on authorize requests only: the one event the bundle's executors judge. With {@code any-client} the
 * policy matched every event of every token request too, and Keycloak then parsed the realm's client profiles and
 * built their executors each time, only for them to return at once.
 */
public class AuthorizationRequestCondition extends AbstractClientPolicyConditionProvider<ClientPolicyConditionConfigurationRepresentation> {

    AuthorizationRequestCondition(KeycloakSession session) {
        super(session);
    }

    @Override
    public Class<ClientPolicyConditionConfigurationRepresentation> getConditionConfigurationClass() {
        return ClientPolicyConditionConfigurationRepresentation.class;
    }

    @Override
    public String getProviderId() {
        return AuthorizationRequestConditionFactory.PROVIDER_ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) {
        return context.getEvent() == ClientPolicyEvent.AUTHORIZATION_REQUEST ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }
}
