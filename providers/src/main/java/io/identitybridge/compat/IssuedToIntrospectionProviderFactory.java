package io.identitybridge.compat;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;

/**
 * Takes over Keycloak's {@code access_token} introspection (same id, higher order), so the native endpoint and
 * {@code /connect/introspect} follow one rule.
 */
public class IssuedToIntrospectionProviderFactory extends AccessTokenIntrospectionProviderFactory {

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new IssuedToIntrospectionProvider(session);
    }

    @Override
    public int order() {
        return 100;
    }
}
