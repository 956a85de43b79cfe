package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiScopes;

import java.util.Map;

/**
 * {@code /realms/{realm}/OwnedResources/*}: Creatio's TempAccess calls, by which a client registers resources of its
 * own, grants other clients access to them, lists and deletes them.
 */
final class OwnedResourcesEndpoint {

    static final Map<String, ApiOperation> OPERATIONS = Map.of(
            "register", ApiOperation.of(ApiScopes.REGISTER_OWN_RESOURCE,
                    (ctx, body) -> new OwnedResources(ctx).register(ResourceRequests.register(body, System.currentTimeMillis()))),
            // Creatio's UpdateResource: {"Name","DisplayName","Properties"}; a missing resource is created.
            "update", ApiOperation.of(ApiScopes.REGISTER_OWN_RESOURCE,
                    (ctx, body) -> new OwnedResources(ctx).update(ResourceRequests.application(body, System.currentTimeMillis()))),
            // Creatio's GrantAccess: {"ClientId","ResourceName"}.
            "grant", ApiOperation.of(ApiScopes.REGISTER_OWN_RESOURCE, (ctx, body) -> new OwnedResources(ctx).grant(ResourceRequests.grant(body))),
            "list", ApiOperation.of(ApiScopes.GET_RESOURCE_LIST, (ctx, body) -> new OwnedResources(ctx).list(ResourceRequests.list(body))),
            "delete", ApiOperation.of(ApiScopes.REGISTER_OWN_RESOURCE,
                    (ctx, body) -> Map.of("affectedResourceCount", new OwnedResources(ctx).delete(ResourceRequests.delete(body)))));

    private OwnedResourcesEndpoint() {
    }
}
