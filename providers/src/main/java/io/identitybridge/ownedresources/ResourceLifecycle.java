package io.identitybridge.ownedresources;

import io.identitybridge.config.BridgeRealm;
import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps our rows true to the realm whoever changes it (our API, the seeder, the admin console): a removed owner takes
 * its resources along, a removed scope its row, a removed realm all its rows.
 */
public final class ResourceLifecycle implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof ClientModel.ClientRemovedEvent e && BridgeRealm.serves(e.getKeycloakSession(), e.getClient().getRealm())) {
            ResourceStore store = new ResourceStore(e.getKeycloakSession());
            RealmModel realm = e.getClient().getRealm();
            store.allByOwner(realm, e.getClient().getId()).forEach(r -> store.remove(realm, r));
        } else if (event instanceof ClientScopeModel.ClientScopeRemovedEvent e && ResourceScopeAttributes.isResource(e.getClientScope())) {
            new ResourceStore(e.getKeycloakSession()).forgetScope(e.getClientScope().getRealm(), e.getClientScope().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent e) {
            new ResourceStore(e.getKeycloakSession()).forgetRealm(e.getRealm().getId());
        }
    }
}
