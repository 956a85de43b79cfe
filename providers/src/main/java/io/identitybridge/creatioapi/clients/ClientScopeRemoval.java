package io.identitybridge.creatioapi.clients;

import io.identitybridge.vocabulary.BuiltInClients;
import io.identitybridge.audit.AuditTrail;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.ownedresources.ResourceStore;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Creatio's DeleteClientScopes ({@code Clients/deleteScopes}): takes scopes away from a client. A resource scope only
 * its owner may take away; any other scope only the client's registrar. A scope the client does not have, or a client
 * that is gone, is nothing to do and no error (Creatio repeats calls). Everything is checked before anything changes.
 */
final class ClientScopeRemoval {


    private ClientScopeRemoval() {
    }

    static Map<String, Object> delete(CallContext ctx, JsonBody body) {
        String clientId = body.requiredText("ClientId");
        if (!body.has("AllowedScopes")) {
            throw ApiError.badRequest("'AllowedScopes' is missing; name the scopes to take away");
        }
        List<String> names = body.strings("AllowedScopes", Limits.MAX_SCOPES_REMOVED, Limits.IDENTIFIER);
        body.rejectUnread();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientId", clientId);
        List<String> removed = new ArrayList<>();
        out.put("removedScopes", removed);
        ClientModel client = ctx.session().clients().getClientByClientId(ctx.realm(), clientId);
        if (client == null) {
            return out;
        }
        if (BuiltInClients.isBuiltIn(ctx.realm(), client.getClientId())) {
            throw ApiError.accessDenied("'" + client.getClientId() + "' is one of Keycloak's own clients; the API does not touch it");
        }
        Map<String, ClientScopeModel> defaults = client.getClientScopes(true);
        Map<String, ClientScopeModel> assigned = new HashMap<>(client.getClientScopes(false));
        assigned.putAll(defaults);
        ResourceStore store = new ResourceStore(ctx.session());
        List<ClientScopeModel> resources = new ArrayList<>();
        List<ClientScopeModel> taken = new ArrayList<>();
        List<String> allowedScopes = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            ClientScopeModel scope = assigned.get(name);
            if (scope == null) {
                continue;
            }
            String owner = store.ownerOf(ctx.realm(), name);
            if (owner == null) {
                new ClientRegistry(ctx).changeable(client.getClientId()); // 403 unless the caller registered the client
                allowedScopes.add(name);
            } else if (!owner.equals(ctx.caller().getId())) {
                throw ApiError.accessDenied("resource '" + name + "' belongs to another client; only a resource's owner may take it away");
            } else {
                resources.add(scope);
            }
            removed.add(name);
            taken.add(scope);
        }
        // AllowedScopes are the client's own field: written through seeding's door. A resource is a grant link.
        if (!allowedScopes.isEmpty()) {
            try {
                ClientWrites.of(ctx).removeScopes(client, allowedScopes);
            } catch (SeedInputException e) {
                throw ClientRegistry.invalid(e.problems());
            }
        }
        resources.forEach(client::removeClientScope);
        AuditTrail audit = ctx.audit();
        taken.forEach(scope -> audit.clientScopeRemoved(client, scope, defaults.containsKey(scope.getName())));
        return out;
    }
}
