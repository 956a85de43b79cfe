package io.identitybridge.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * Keycloak's three lifecycle hooks of a provider factory, empty: most of our factories read no server option and hold
 * nothing to release. A factory overrides only the hooks it needs.
 */
public interface ProviderFactoryDefaults<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
