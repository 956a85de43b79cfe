package io.identitybridge.compat;

import io.identitybridge.spi.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link ConnectResource} at {@code /realms/{realm}/connect}, where IdentityServer4 clients look. */
public class ConnectResourceProviderFactory extends RealmEndpointFactory {

    public static final String PROVIDER_ID = "connect";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new ConnectResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
