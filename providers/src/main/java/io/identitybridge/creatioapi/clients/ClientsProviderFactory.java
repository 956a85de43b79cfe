package io.identitybridge.creatioapi.clients;

import io.identitybridge.creatioapi.ApiEndpoints;
import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiOperations;
import io.identitybridge.rest.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

import java.util.Map;

/** Mounts {@link ClientsEndpoint} at {@code /realms/{realm}/Clients}, the path Creatio calls (case-sensitive). */
public class ClientsProviderFactory extends RealmEndpointFactory implements ApiEndpoints {

    public static final String PROVIDER_ID = "Clients";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new ApiOperations(session, operations());
    }

    @Override
    public Map<String, ApiOperation> operations() {
        return ClientsEndpoint.OPERATIONS;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
