package io.identitybridge.compat;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link ConnectResource} at {@code /realms/{realm}/connect}, where IdentityServer4 clients look. */
public class ConnectResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "connect";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ConnectResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
