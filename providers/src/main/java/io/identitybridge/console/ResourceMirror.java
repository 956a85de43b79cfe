package io.identitybridge.console;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps one admin-console component per owned resource (the newest {@value #MAX_ROWS} live ones), because Keycloak's
 * declarative UI can only list components. Rows are added by the expiry sweep's {@link #reconcile} once per interval
 * and removed at once with their resource (by the one store every delete goes through); nothing is written when the
 * declarative-ui feature is off (Keycloak then has no such page).
 */
public final class ResourceMirror {

    /** Components live in the cached realm: a bounded number keeps its size and reload time bounded. */
    public static final int MAX_ROWS = 500;
    static final String REMOVING = "ib.console.removing";

    /** What a row shows of one resource; the owner is looked up by the caller (null when it is gone). */
    public interface Row {
        String getName();

        String getType();

        Long getExpiresAt();

        String getOwnerId();
    }

    /** Makes the page's rows exactly {@code wanted}: adds the missing, removes the others; writes only on a difference. */
    public static <R extends Row> void reconcile(KeycloakSession session, RealmModel realm, List<R> wanted, Function<R, ClientModel> owner) {
        if (!ResourcesPageFactory.enabled(session)) {
            return;
        }
        Map<String, ComponentModel> shown = new HashMap<>();
        rows(realm).forEach(c -> shown.put(c.getName(), c));
        Set<String> keep = new HashSet<>();
        for (R r : wanted) {
            keep.add(r.getName());
            if (!shown.containsKey(r.getName())) {
                ClientModel o = owner.apply(r);
                if (o != null) {
                    added(session, realm, r.getName(), o, r.getType(), r.getExpiresAt());
                }
            }
        }
        shown.values().stream().filter(c -> !keep.contains(c.getName())).forEach(c -> remove(session, realm, c));
    }

    private static Stream<ComponentModel> rows(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> ResourcesPageFactory.PROVIDER_ID.equals(c.getProviderId()));
    }

    private static void remove(KeycloakSession session, RealmModel realm, ComponentModel c) {
        AdminConsoleAccess.internal(session, () -> {
            realm.removeComponent(c);
            return null;
        });
    }

    private ResourceMirror() {
    }

    static void added(KeycloakSession session, RealmModel realm, String name, ClientModel owner, String type, Long expiresAt) {
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
        rows(realm).filter(c -> name.equals(c.getName()) && !c.getId().equals(removing)).toList()
                .forEach(c -> remove(session, realm, c));
    }
}
