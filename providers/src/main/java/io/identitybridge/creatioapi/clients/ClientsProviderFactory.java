package io.identitybridge.creatioapi.clients;

import io.identitybridge.rest.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link ClientsEndpoint} at {@code /realms/{realm}/Clients}, the path Creatio calls (case-sensitive). */
public class ClientsProviderFactory extends RealmEndpointFactory {

    public static final String PROVIDER_ID = "Clients";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new ClientsEndpoint(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
