package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiOperationsFactory;

import java.util.Map;

/** Mounts {@link OwnedResourcesEndpoint} at {@code /realms/{realm}/OwnedResources}, the path Creatio calls (case-sensitive). */
public class OwnedResourcesProviderFactory extends ApiOperationsFactory {

    public static final String PROVIDER_ID = "OwnedResources";

    @Override
    public Map<String, ApiOperation> operations() {
        return OwnedResourcesEndpoint.OPERATIONS;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
