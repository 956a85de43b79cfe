package io.identitybridge.ownedresources;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Collection;
import java.util.List;

/** Queries and writes of {@link OwnedResourceEntity}, in the caller's (Keycloak's) transaction. */
public final class ResourceStore {

    private final KeycloakSession session;
    private final EntityManager em;

    public ResourceStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public OwnedResourceEntity byName(RealmModel realm, String name) {
        return em.createNamedQuery("ibResourceByName", OwnedResourceEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("name", name)
                .getResultStream().findFirst().orElse(null);
    }

    /** The internal id of the client owning the resource of that name, or null when no resource has it. */
    public String ownerOf(RealmModel realm, String name) {
        OwnedResourceEntity e = byName(realm, name);
        return e == null ? null : e.getOwnerId();
    }

    /** Resources not yet expired whose owner is one of {@code ownerIds} (Keycloak's internal client ids). */
    public List<OwnedResourceEntity> liveByOwners(RealmModel realm, Collection<String> ownerIds, long now) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("ibResourcesByOwners", OwnedResourceEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("ownerIds", ownerIds).setParameter("now", now)
                .getResultList();
    }

    public long countLive(RealmModel realm, String ownerId, long now) {
        return em.createNamedQuery("ibCountLiveByOwner", Long.class)
                .setParameter("realmId", realm.getId()).setParameter("ownerId", ownerId).setParameter("now", now)
                .getSingleResult();
    }

    /** Live resources granted to the client (Keycloak's internal id), whoever owns them: each is a scope its tokens may carry. */
    public long countLiveGrantedTo(RealmModel realm, String clientId, long now) {
        return em.createQuery("select count(r) from OwnedResourceEntity r, ClientScopeClientMappingEntity m"
                        + " where m.clientScopeId = r.clientScopeId and m.clientId = :clientId and r.realmId = :realmId"
                        + " and (r.expiresAt is null or r.expiresAt > :now)", Long.class)
                .setParameter("clientId", clientId).setParameter("realmId", realm.getId()).setParameter("now", now)
                .getSingleResult();
    }

    /** Live resources of one owner granted to one client. */
    public long countLiveGrantedToBy(RealmModel realm, String clientId, String ownerId, long now) {
        return em.createQuery("select count(r) from OwnedResourceEntity r, ClientScopeClientMappingEntity m"
                        + " where m.clientScopeId = r.clientScopeId and m.clientId = :clientId and r.realmId = :realmId"
                        + " and r.ownerId = :ownerId and (r.expiresAt is null or r.expiresAt > :now)", Long.class)
                .setParameter("clientId", clientId).setParameter("realmId", realm.getId()).setParameter("ownerId", ownerId)
                .setParameter("now", now).getSingleResult();
    }

    /** The internal ids of the clients the resource's scope is granted to. */
    public List<String> granteesOf(OwnedResourceEntity e) {
        return em.createQuery("select m.clientId from ClientScopeClientMappingEntity m where m.clientScopeId = :scopeId", String.class)
                .setParameter("scopeId", e.getClientScopeId()).getResultList();
    }

    List<OwnedResourceEntity> allByOwner(RealmModel realm, String ownerId) {
        return em.createNamedQuery("ibAllResourcesByOwner", OwnedResourceEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("ownerId", ownerId).getResultList();
    }

    List<OwnedResourceEntity> expired(long now, int max) {
        return em.createNamedQuery("ibExpiredResources", OwnedResourceEntity.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Any client scope of the realm by that name: one query, not a walk over thousands of resource scopes. */
    public boolean scopeNameTaken(RealmModel realm, String name) {
        return em.createQuery("select count(s) from ClientScopeEntity s where s.realmId = :realmId and s.name = :name", Long.class)
                .setParameter("realmId", realm.getId()).setParameter("name", name).getSingleResult() > 0;
    }

    public void persist(OwnedResourceEntity e) {
        em.persist(e);
        em.flush(); // a duplicate name fails here, inside the call, as a 409
    }

    /** The newest live resources of the realm: the ones the admin console's page shows. */
    List<OwnedResourceEntity> newestLive(RealmModel realm, long now, int max) {
        return em.createQuery("select r from OwnedResourceEntity r where r.realmId = :realmId"
                        + " and (r.expiresAt is null or r.expiresAt > :now) order by r.createdAt desc, r.name", OwnedResourceEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Removes the resource and its client scope (if its realm still exists); Keycloak drops the scope's grants with it. */
    public void remove(RealmModel realm, OwnedResourceEntity e) {
        em.remove(e);
        em.flush();
        ResourceMirror.removed(session, realm, e.getName());
        if (realm != null && realm.getClientScopeById(e.getClientScopeId()) != null) {
            realm.removeClientScope(e.getClientScopeId());
        }
    }

    /** A scope removed by anyone (the admin console, say) takes its resource row with it. */
    void forgetScope(RealmModel realm, String clientScopeId) {
        em.createQuery("select r.name from OwnedResourceEntity r where r.clientScopeId = :id", String.class)
                .setParameter("id", clientScopeId).getResultList().forEach(name -> ResourceMirror.removed(session, realm, name));
        em.createNamedQuery("ibDeleteResourceByScope").setParameter("clientScopeId", clientScopeId).executeUpdate();
    }

    void forgetRealm(String realmId) {
        em.createNamedQuery("ibDeleteResourcesByRealm").setParameter("realmId", realmId).executeUpdate();
    }

}
