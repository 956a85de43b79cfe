package io.identitybridge.console;

import io.identitybridge.seed.ClientFields;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import java.time.Instant;

/**
 * Keeps one admin-console component per owned resource, because Keycloak's declarative UI can only list components.
 * Written in the same transaction as the resource row, by the one store every register and delete goes through, and
 * only when the declarative-ui feature is on (otherwise Keycloak has no such page and nothing is written).
 */
public final class ResourceMirror {

    static final String REMOVING = "ib.console.removing";

    private ResourceMirror() {
    }

    public static void added(KeycloakSession session, RealmModel realm, String name, ClientModel owner, String type, Long expiresAt) {
        if (!ResourcesPageFactory.enabled(session)) {
            return;
        }
        ComponentModel c = new ComponentModel();
        c.setParentId(realm.getId());
        c.setProviderType(UiPageProvider.class.getName());
        c.setProviderId(ResourcesPageFactory.PROVIDER_ID);
        c.setName(name);
        c.put(ResourcesPageFactory.NAME, name);
        c.put(ResourcesPageFactory.OWNER, owner == null ? "" : owner.getClientId());
        c.put(ResourcesPageFactory.TYPE, type == null ? "" : type);
        String customer = owner == null ? null : owner.getAttribute(ClientFields.ATTR_CUSTOMER_ID);
        c.put(ResourcesPageFactory.CUSTOMER, customer == null ? "" : customer);
        c.put(ResourcesPageFactory.EXPIRES, expiresAt == null ? "never" : Instant.ofEpochMilli(expiresAt).toString());
        AdminConsoleAccess.internal(session, () -> realm.addComponentModel(c));
    }

    /** Removes the resource's component, unless it is the very one an administrator is deleting right now. */
    public static void removed(KeycloakSession session, RealmModel realm, String name) {
        if (realm == null || !ResourcesPageFactory.enabled(session)) {
            return;
        }
        Object removing = session.getAttribute(REMOVING);
        realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> ResourcesPageFactory.PROVIDER_ID.equals(c.getProviderId()) && name.equals(c.getName()))
                .filter(c -> !c.getId().equals(removing))
                .toList()
                .forEach(c -> AdminConsoleAccess.internal(session, () -> {
                    realm.removeComponent(c);
                    return null;
                }));
    }
}
