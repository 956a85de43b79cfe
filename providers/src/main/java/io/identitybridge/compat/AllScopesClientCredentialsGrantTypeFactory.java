package io.identitybridge.compat;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantTypeFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;

/**
 * Takes over Keycloak's {@code client_credentials} grant (same id, higher order), so that the native token endpoint
 * and {@code /connect/token} share one rule and cannot drift apart.
 */
public class AllScopesClientCredentialsGrantTypeFactory extends ClientCredentialsGrantTypeFactory {

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new AllScopesClientCredentialsGrantType();
    }

    @Override
    public int order() {
        return 100;
    }
}
