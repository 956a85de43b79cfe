package io.identitybridge.creatioapi.clients;

import io.identitybridge.creatioapi.ApiCall;
import io.identitybridge.creatioapi.ClientSelector;
import io.identitybridge.ownedresources.CustomerClients;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

import java.io.InputStream;
import java.util.Map;

/** {@code /realms/{realm}/Clients/*}: find (Creatio's TempAccess) and the registrar calls of SPEC §4. */
public class ClientsEndpoint {

    public static final String SCOPE_FIND = "find_clients";
    public static final String SCOPE_INFO = "get_client_info";
    public static final String SCOPE_REGISTER = "add_registrar_client";
    public static final String SCOPE_UPDATE = "update_client";
    public static final String SCOPE_REMOVE = "remove_client";
    public static final String SCOPE_REVOKE_TOKENS = "revoke_client_tokens";

    private final KeycloakSession session;

    ClientsEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("find")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(InputStream body) {
        return ApiCall.run(session, SCOPE_FIND, body, (ctx, props) -> {
            ClientSelector q = ClientSelector.read(props);
            return CustomerClients.find(ctx.session(), ctx.realm(), q.customerIds(), q.clientId()).stream()
                    .map(ClientInfo::summary).toList();
        });
    }

    @POST
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public Response info(InputStream body) {
        return ApiCall.run(session, SCOPE_INFO, body, (ctx, props) ->
                ClientInfo.details(new ClientRegistry(ctx).existing(props)));
    }

    @POST
    @Path("register")
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        return ApiCall.run(session, SCOPE_REGISTER, body, (ctx, props) ->
                new ClientRegistry(ctx).register(props));
    }

    @POST
    @Path("update")
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(InputStream body) {
        return ApiCall.run(session, SCOPE_UPDATE, body, (ctx, props) ->
                new ClientRegistry(ctx).update(props));
    }

    @POST
    @Path("remove")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(InputStream body) {
        return ApiCall.run(session, SCOPE_REMOVE, BareClientId.asObject(body), (ctx, props) ->
                Map.of("affectedClientCount", new ClientRegistry(ctx).remove(props)));
    }

    /** Creatio's DeleteClientScopes: {@code {"ClientId","AllowedScopes":[...]}}. */
    @POST
    @Path("deleteScopes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteScopes(InputStream body) {
        return ApiCall.run(session, SCOPE_UPDATE, body, ClientScopeRemoval::delete);
    }

    @POST
    @Path("revokeTokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeTokens(InputStream body) {
        return ApiCall.run(session, SCOPE_REVOKE_TOKENS, BareClientId.asObject(body), ClientTokens::revoke);
    }
}
