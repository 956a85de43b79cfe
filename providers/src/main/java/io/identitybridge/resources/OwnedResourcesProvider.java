package io.identitybridge.resources;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class OwnedResourcesProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    OwnedResourcesProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new OwnedResourcesEndpoint(session);
    }

    @Override
    public void close() {
    }
}
