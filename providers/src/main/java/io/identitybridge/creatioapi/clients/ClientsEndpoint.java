package io.identitybridge.creatioapi.clients;

import io.identitybridge.creatioapi.ApiOperation;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.creatioapi.ClientSelector;
import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.ownedresources.CustomerClients;

import java.util.List;
import java.util.Map;

/**
 * {@code /realms/{realm}/Clients/*}: find (Creatio's TempAccess), and the registrar calls, by which a client registers,
 * changes and removes the clients it registered itself.
 */
final class ClientsEndpoint {

    static final Map<String, ApiOperation> OPERATIONS = Map.of(
            "find", ApiOperation.of(ApiScopes.FIND_CLIENTS, ClientsEndpoint::find),
            "info", ApiOperation.of(ApiScopes.GET_CLIENT_INFO, (ctx, body) -> ClientInfo.details(new ClientRegistry(ctx).existing(body))),
            "register", ApiOperation.of(ApiScopes.ADD_REGISTRAR_CLIENT, (ctx, body) -> new ClientRegistry(ctx).register(body)),
            "update", ApiOperation.of(ApiScopes.UPDATE_CLIENT, (ctx, body) -> new ClientRegistry(ctx).update(body)),
            "remove", new ApiOperation(ApiScopes.REMOVE_CLIENT, BareClientId::asObject,
                    (ctx, body) -> Map.of("affectedClientCount", new ClientRegistry(ctx).remove(body))),
            // Creatio's DeleteClientScopes: {"ClientId","AllowedScopes":[...]}.
            "deleteScopes", ApiOperation.of(ApiScopes.UPDATE_CLIENT, ClientScopeRemoval::delete),
            "revokeTokens", new ApiOperation(ApiScopes.REVOKE_CLIENT_TOKENS, BareClientId::asObject, ClientTokens::revoke));

    private ClientsEndpoint() {
    }

    private static List<Map<String, Object>> find(CallContext ctx, JsonBody body) {
        ClientSelector q = ClientSelector.read(body);
        return CustomerClients.find(ctx.session(), ctx.realm(), q.customerIds(), q.clientId()).stream()
                .map(ClientInfo::summary).toList();
    }
}
