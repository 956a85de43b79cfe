package io.identitybridge.clientsapi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link ClientsEndpoint} at {@code /realms/{realm}/Clients}, the path Creatio calls (case-sensitive). */
public class ClientsProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "Clients";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ClientsProvider(session);
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
