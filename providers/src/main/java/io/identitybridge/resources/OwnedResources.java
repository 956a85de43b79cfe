package io.identitybridge.resources;

import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.idsapi.ApiError;
import io.identitybridge.idsapi.CallContext;
import io.identitybridge.seed.ClientFields;
import io.identitybridge.seed.ClientRegistrar;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the OwnedResources calls do to the realm: a client scope plus our row, in one transaction. */
final class OwnedResources {

    private final CallContext ctx;
    private final RealmModel realm;
    private final ResourceStore store;

    OwnedResources(CallContext ctx) {
        this.ctx = ctx;
        this.realm = ctx.realm();
        this.store = new ResourceStore(ctx.session());
    }

    Map<String, Object> register(ResourceRequests.Register r) {
        if (store.byName(realm, r.name()) != null) {
            throw ApiError.conflict("a resource named '" + r.name() + "' exists already");
        }
        if (store.scopeNameTaken(realm, r.name())) {
            throw ApiError.conflict("'" + r.name() + "' is the name of an existing client scope of realm '" + realm.getName() + "'");
        }
        int max = ctx.session().getProvider(IdentityBridgeProvider.class).settings().maxResourcesPerOwner();
        if (store.countLive(realm, ctx.caller().getId(), System.currentTimeMillis()) >= max) {
            throw ApiError.conflict("client '" + ctx.caller().getClientId() + "' owns " + max + " live resources already, the most"
                    + " one client may own (server option " + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_OWNER) + ")");
        }
        List<ClientModel> grantees = new ArrayList<>();
        for (String clientId : r.grantees()) {
            ClientModel grantee = ctx.session().clients().getClientByClientId(realm, clientId);
            if (grantee == null) {
                throw ApiError.notFound("grantee client '" + ApiError.echo(clientId) + "' does not exist in realm '" + realm.getName() + "'");
            }
            if (ClientRegistrar.isBuiltIn(realm, grantee.getClientId())) {
                throw ApiError.badRequest("grantee '" + grantee.getClientId() + "' is one of Keycloak's own clients, which the API does not change");
            }
            grantees.add(grantee);
        }
        ClientScopeModel scope = ResourceScopes.create(realm, r.name(), r.displayName(), r.expiresAt());
        OwnedResourceEntity e = new OwnedResourceEntity();
        e.setId(KeycloakModelUtils.generateId());
        e.setRealmId(realm.getId());
        e.setName(r.name());
        e.setDisplayName(r.displayName());
        e.setType(r.type());
        e.setOwnerId(ctx.caller().getId());
        e.setClientScopeId(scope.getId());
        e.setExpiresAt(r.expiresAt());
        e.setProperties(r.propertiesJson());
        e.setCreatedAt(System.currentTimeMillis());
        store.persist(e);
        for (ClientModel grantee : grantees) {
            grantee.addClientScope(scope, false);
        }
        Map<String, Object> out = resource(e);
        out.put("granteeClientIds", r.grantees());
        return out;
    }

    List<Map<String, Object>> list(ResourceRequests.ListQuery q) {
        long now = System.currentTimeMillis();
        Set<String> ownerIds = new HashSet<>();
        CustomerClients.find(ctx.session(), realm, q.customerIds(), q.clientId()).forEach(c -> ownerIds.add(c.getId()));
        Map<String, OwnedResourceEntity> found = new TreeMap<>();
        store.liveByOwners(realm, ownerIds, now).forEach(e -> found.put(e.getName(), e));
        Map<String, List<OwnedResourceEntity>> byOwner = new LinkedHashMap<>();
        for (OwnedResourceEntity e : found.values()) {
            if (q.type() == null || q.type().equalsIgnoreCase(e.getType())) {
                byOwner.computeIfAbsent(e.getOwnerId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byOwner.forEach((ownerId, resources) -> {
            ClientModel owner = ctx.session().clients().getClientById(realm, ownerId);
            if (owner == null) {
                return; // removed this instant; its resources go with it
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("clientId", owner.getClientId());
            g.put("clientName", owner.getName());
            g.put("clientUri", owner.getBaseUrl());
            g.put("customerId", owner.getAttribute(ClientFields.ATTR_CUSTOMER_ID));
            g.put("resources", resources.stream().map(OwnedResources::resource).toList());
            groups.add(g);
        });
        groups.sort((a, b) -> String.valueOf(a.get("clientId")).compareTo(String.valueOf(b.get("clientId"))));
        return groups;
    }

    int delete(List<String> names) {
        int affected = 0;
        for (String name : names) {
            OwnedResourceEntity e = store.byName(realm, name);
            // Another client's resource counts as not found: a caller learns nothing about what others own.
            if (e != null && e.getOwnerId().equals(ctx.caller().getId())) {
                store.remove(realm, e);
                affected++;
            }
        }
        return affected;
    }

    private static Map<String, Object> resource(OwnedResourceEntity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.getName());
        m.put("displayName", e.getDisplayName());
        m.put("expirationDate", e.getExpiresAt() == null ? null : Instant.ofEpochMilli(e.getExpiresAt()).toString());
        return m;
    }
}
