package io.identitybridge.compat;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class ConnectResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ConnectResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new ConnectResource(session);
    }

    @Override
    public void close() {
    }
}
