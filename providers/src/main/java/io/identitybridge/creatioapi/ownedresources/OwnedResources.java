package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.vocabulary.ResourceScopeAttributes;
import io.identitybridge.vocabulary.BuiltInClients;
import io.identitybridge.ownedresources.CustomerClients;
import io.identitybridge.ownedresources.OwnedResourceEntity;
import io.identitybridge.ownedresources.ResourceScopes;
import io.identitybridge.ownedresources.ResourceStore;

import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.events.admin.OperationType;
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
    private final ResourceCaps caps;

    OwnedResources(CallContext ctx) {
        this.ctx = ctx;
        this.realm = ctx.realm();
        this.store = new ResourceStore(ctx.session());
        this.caps = new ResourceCaps(ctx, store);
    }

    Map<String, Object> register(ResourceRequests.Register r) {
        OwnedResourceEntity existing = store.byName(realm, r.name());
        if (existing != null && r.grantees().isEmpty() && existing.getOwnerId().equals(ctx.caller().getId())) {
            return update(existing, r); // Creatio's AddResource again: the same resource, no error to cancel its save
        }
        if (existing != null) {
            throw ApiError.conflict("a resource named '" + r.name() + "' exists already");
        }
        if (store.scopeNameTaken(realm, r.name())) {
            throw ApiError.conflict("'" + r.name() + "' is the name of an existing client scope of realm '" + realm.getName() + "'");
        }
        List<ClientModel> grantees = new ArrayList<>();
        for (String clientId : r.grantees()) {
            ClientModel grantee = ctx.session().clients().getClientByClientId(realm, clientId);
            if (grantee == null) {
                throw ApiError.notFound("grantee client '" + ApiError.echo(clientId) + "' does not exist in realm '" + realm.getName() + "'");
            }
            if (BuiltInClients.isBuiltIn(realm, grantee.getClientId())) {
                throw ApiError.badRequest("grantee '" + grantee.getClientId() + "' is one of Keycloak's own clients, which the API does not change");
            }
            grantees.add(grantee);
        }
        caps.beforeLive(grantees);
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
        ctx.audit().resource(OperationType.CREATE, e.getName(), null, () -> out);
        return out;
    }

    /** UpdateResource: changes the caller's resource, or creates it when it is missing (Creatio repeats and reorders calls). */
    Map<String, Object> update(ResourceRequests.Register r) {
        OwnedResourceEntity e = store.byName(realm, r.name());
        if (e == null) {
            return register(r);
        }
        if (!e.getOwnerId().equals(ctx.caller().getId())) {
            throw ApiError.conflict("a resource named '" + r.name() + "' exists already and belongs to another client");
        }
        return update(e, r);
    }

    private Map<String, Object> update(OwnedResourceEntity e, ResourceRequests.Register r) {
        ClientScopeModel scope = realm.getClientScopeById(e.getClientScopeId());
        if (scope == null) {
            throw ApiError.conflict("resource '" + r.name() + "' is being removed; try again");
        }
        if (e.getExpiresAt() != null && e.getExpiresAt() <= System.currentTimeMillis()) {
            caps.beforeRevival(e); // an update always gives a future expiry or none: the resource is live again
        }
        ResourceScopes.update(scope, r.displayName(), r.expiresAt());
        e.setDisplayName(r.displayName());
        e.setType(r.type());
        e.setExpiresAt(r.expiresAt());
        e.setProperties(r.propertiesJson());
        Map<String, Object> out = resource(e);
        ctx.audit().resource(OperationType.UPDATE, e.getName(), null, () -> out);
        return out;
    }

    /** GrantAccess: the caller's own live resource becomes an optional scope of the client; granted twice is no error. */
    Map<String, Object> grant(ResourceRequests.Grant g) {
        OwnedResourceEntity e = store.byName(realm, g.resourceName());
        // Another client's resource counts as not found, as in delete.
        if (e == null || !e.getOwnerId().equals(ctx.caller().getId())) {
            throw ApiError.notFound("client '" + ctx.caller().getClientId() + "' owns no resource named '" + ApiError.echo(g.resourceName()) + "'");
        }
        ClientScopeModel scope = realm.getClientScopeById(e.getClientScopeId());
        if (scope == null || ResourceScopeAttributes.expired(scope, System.currentTimeMillis())) {
            throw ApiError.badRequest("resource '" + e.getName() + "' has expired; it can no longer be granted");
        }
        ClientModel client = ctx.session().clients().getClientByClientId(realm, g.clientId());
        if (client == null) {
            throw ApiError.notFound("client '" + ApiError.echo(g.clientId()) + "' does not exist in realm '" + realm.getName() + "'");
        }
        if (BuiltInClients.isBuiltIn(realm, client.getClientId())) {
            throw ApiError.badRequest("'" + client.getClientId() + "' is one of Keycloak's own clients, which the API does not change");
        }
        boolean has = client.getClientScopes(false).containsKey(scope.getName()) || client.getClientScopes(true).containsKey(scope.getName());
        if (!has) {
            caps.beforeGrant(client);
            client.addClientScope(scope, false);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientId", client.getClientId());
        out.put("resourceName", e.getName());
        out.put("granted", !has);
        if (!has) { // granted before: nothing was written, nothing to record
            ctx.audit().resource(OperationType.CREATE, e.getName(), "grants/" + client.getId(), () -> out);
        }
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
                ctx.audit().resource(OperationType.DELETE, e.getName(), null, () -> Map.of("name", e.getName()));
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
