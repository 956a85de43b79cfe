package io.identitybridge.ownedresources;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What the admin console may do to a resource: delete it, by the same store call as OwnedResources/delete. */
public final class ResourceAdmin {

    private ResourceAdmin() {
    }

    /** Deletes the resource, its client scope and the scope's grants; false when no such resource exists (any more). */
    public static boolean delete(KeycloakSession session, RealmModel realm, String name) {
        ResourceStore store = new ResourceStore(session);
        OwnedResourceEntity e = store.byName(realm, name);
        if (e == null) {
            return false;
        }
        store.remove(realm, e);
        return true;
    }
}
