package io.identitybridge.ownedresources;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/** Adds our table to Keycloak's own persistence unit, so that it shares Keycloak's transaction. */
public class OwnedResourceEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/identity-bridge-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OwnedResourceEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return OwnedResourceEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
