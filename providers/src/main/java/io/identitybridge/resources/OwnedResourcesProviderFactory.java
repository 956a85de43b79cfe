package io.identitybridge.resources;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link OwnedResourcesEndpoint} at {@code /realms/{realm}/OwnedResources}, the path Creatio calls (case-sensitive). */
public class OwnedResourcesProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "OwnedResources";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new OwnedResourcesProvider(session);
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
