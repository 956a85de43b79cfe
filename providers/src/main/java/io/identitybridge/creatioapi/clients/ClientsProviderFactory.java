package io.identitybridge.creatioapi.clients;

import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiOperationsFactory;

import java.util.Map;

/** Mounts {@link ClientsEndpoint} at {@code /realms/{realm}/Clients}, the path Creatio calls (case-sensitive). */
public class ClientsProviderFactory extends ApiOperationsFactory {

    public static final String PROVIDER_ID = "Clients";

    @Override
    public Map<String, ApiOperation> operations() {
        return ClientsEndpoint.OPERATIONS;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
