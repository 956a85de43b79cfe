package io.identitybridge.clientsapi;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class ClientsProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ClientsProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new ClientsEndpoint(session);
    }

    @Override
    public void close() {
    }
}
