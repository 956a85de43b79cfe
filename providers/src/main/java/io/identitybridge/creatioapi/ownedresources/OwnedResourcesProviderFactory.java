package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.creatioapi.ApiEndpoints;
import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiOperations;
import io.identitybridge.rest.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

import java.util.Map;

/** Mounts {@link OwnedResourcesEndpoint} at {@code /realms/{realm}/OwnedResources}, the path Creatio calls (case-sensitive). */
public class OwnedResourcesProviderFactory extends RealmEndpointFactory implements ApiEndpoints {

    public static final String PROVIDER_ID = "OwnedResources";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new ApiOperations(session, operations());
    }

    @Override
    public Map<String, ApiOperation> operations() {
        return OwnedResourcesEndpoint.OPERATIONS;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
