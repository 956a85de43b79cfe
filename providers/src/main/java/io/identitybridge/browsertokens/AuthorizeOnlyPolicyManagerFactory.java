package io.identitybridge.browsertokens;

import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyManager;
import org.keycloak.services.clientpolicy.ClientPolicyManagerFactory;
import org.keycloak.services.clientpolicy.DefaultClientPolicyManager;

/**
 * Makes {@link AuthorizeOnlyPolicyManager} the server's client policy manager: Keycloak takes the factory of highest
 * order when no {@code --spi-client-policy-manager--provider} is set ({@code default} selects Keycloak's own again).
 */
public class AuthorizeOnlyPolicyManagerFactory implements ClientPolicyManagerFactory, ProviderFactoryDefaults<ClientPolicyManager> {

    public static final String PROVIDER_ID = "identity-bridge";

    @Override
    public ClientPolicyManager create(KeycloakSession session) {
        return new AuthorizeOnlyPolicyManager(session, new DefaultClientPolicyManager(session));
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
