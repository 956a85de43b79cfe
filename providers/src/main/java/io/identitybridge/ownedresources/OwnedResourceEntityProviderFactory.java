package io.identitybridge.ownedresources;

import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Our table in Keycloak's persistence unit. What keeps it true (the lifecycle listener, the expiry sweep) is started
 * by the boot hub.
 */
public class OwnedResourceEntityProviderFactory implements JpaEntityProviderFactory, ProviderFactoryDefaults<JpaEntityProvider> {

    public static final String PROVIDER_ID = "identity-bridge-resources";

    private static final OwnedResourceEntityProvider SINGLETON = new OwnedResourceEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
