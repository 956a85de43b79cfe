package io.identitybridge.browsertokens;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

import java.util.ArrayList;
import java.util.List;

/** Registers {@link AuthorizationRequestCondition} as client policy condition {@code ib-authorization-request}. */
public class AuthorizationRequestConditionFactory extends AbstractClientPolicyConditionProviderFactory {

    public static final String PROVIDER_ID = "ib-authorization-request";

    private static final List<ProviderConfigProperty> PROPERTIES = new ArrayList<>();

    static {
        addCommonConfigProperties(PROPERTIES);
    }

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new AuthorizationRequestCondition(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Satisfied by any client on an authorize request, and by none on other events (Identity Bridge).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
