package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.creatioapi.ApiCall;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

import java.io.InputStream;
import java.util.Map;

/** {@code /realms/{realm}/OwnedResources/*}: Creatio's TempAccess calls, SPEC §4. */
public class OwnedResourcesEndpoint {

    public static final String SCOPE_REGISTER = "register_own_resource";
    public static final String SCOPE_LIST = "get_resource_list";

    private final KeycloakSession session;

    OwnedResourcesEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("register")
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        return ApiCall.run(session, SCOPE_REGISTER, body, (ctx, props) ->
                new OwnedResources(ctx).register(ResourceRequests.register(props, System.currentTimeMillis())));
    }

    /** Creatio's UpdateResource: {@code {"Name","DisplayName","Properties"}}; a missing resource is created. */
    @POST
    @Path("update")
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(InputStream body) {
        return ApiCall.run(session, SCOPE_REGISTER, body, (ctx, props) ->
                new OwnedResources(ctx).update(ResourceRequests.application(props, System.currentTimeMillis())));
    }

    /** Creatio's GrantAccess: {@code {"ClientId","ResourceName"}}. */
    @POST
    @Path("grant")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(InputStream body) {
        return ApiCall.run(session, SCOPE_REGISTER, body, (ctx, props) ->
                new OwnedResources(ctx).grant(ResourceRequests.grant(props)));
    }

    @POST
    @Path("list")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(InputStream body) {
        return ApiCall.run(session, SCOPE_LIST, body, (ctx, props) ->
                new OwnedResources(ctx).list(ResourceRequests.list(props)));
    }

    @POST
    @Path("delete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(InputStream body) {
        return ApiCall.run(session, SCOPE_REGISTER, body, (ctx, props) ->
                Map.of("affectedResourceCount", new OwnedResources(ctx).delete(ResourceRequests.delete(props))));
    }
}
