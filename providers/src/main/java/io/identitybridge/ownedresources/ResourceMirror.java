package io.identitybridge.ownedresources;

import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.ConsoleWrites;
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
 * declarative UI can only list components; the console's "Identity Service" page ({@value #PAGE_ID}) shows them with
 * the fields named here. Rows are added by the expiry sweep's {@link #reconcile} once per interval and removed at once
 * with their resource (by the one store every delete goes through); nothing is written when the declarative-ui feature
 * is off (Keycloak then has no such page).
 */
public final class ResourceMirror {

    /** Components live in the cached realm: a bounded number keeps its size and reload time bounded. */
    public static final int MAX_ROWS = 500;
    public static final String PAGE_ID = "identity-service";
    /** Set by the page while an administrator deletes the row of this id, which Keycloak removes itself. */
    public static final String REMOVING = "ib.console.removing";
    public static final String NAME = "name";
    public static final String OWNER = "owner";
    public static final String TYPE = "type";
    public static final String CUSTOMER = "customer";
    public static final String EXPIRES = "expires";

    private ResourceMirror() {
    }

    /** What a row shows of one resource; the owner is looked up by the caller (null when it is gone). */
    public interface Row {
        String getName();

        String getType();

        Long getExpiresAt();

        String getOwnerId();
    }

    /** Makes the page's rows exactly {@code wanted}: adds the missing, removes the others; writes only on a difference. */
    static <R extends Row> void reconcile(KeycloakSession session, RealmModel realm, List<R> wanted, Function<R, ClientModel> owner) {
        if (!enabled(session)) {
            return;
        }
        Map<String, ComponentModel> shown = new HashMap<>();
        rows(realm).forEach(c -> shown.put(c.getName(), c));
        Set<String> keep = new HashSet<>();
        for (R r : wanted) {
            keep.add(r.getName());
            if (!shown.containsKey(r.getName())) {
                ClientModel ownerClient = owner.apply(r);
                if (ownerClient != null) {
                    added(session, realm, r.getName(), ownerClient, r.getType(), r.getExpiresAt());
                }
            }
        }
        shown.values().stream().filter(c -> !keep.contains(c.getName())).forEach(c -> remove(session, realm, c));
    }

    private static Stream<ComponentModel> rows(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> PAGE_ID.equals(c.getProviderId()));
    }

    private static void remove(KeycloakSession session, RealmModel realm, ComponentModel c) {
        ConsoleWrites.ours(session, () -> {
            realm.removeComponent(c);
            return null;
        });
    }

    /** The page exists only while the declarative-ui feature is on. */
    private static boolean enabled(KeycloakSession session) {
        return session.getKeycloakSessionFactory().getProviderFactory(UiPageProvider.class, PAGE_ID) != null;
    }

    private static void added(KeycloakSession session, RealmModel realm, String name, ClientModel owner, String type, Long expiresAt) {
        ComponentModel c = new ComponentModel();
        c.setParentId(realm.getId());
        c.setProviderType(UiPageProvider.class.getName());
        c.setProviderId(PAGE_ID);
        c.setName(name);
        c.put(NAME, name);
        c.put(OWNER, owner.getClientId());
        c.put(TYPE, type == null ? "" : type);
        String customer = owner.getAttribute(ClientFields.ATTR_CUSTOMER_ID);
        c.put(CUSTOMER, customer == null ? "" : customer);
        c.put(EXPIRES, expiresAt == null ? "never" : Instant.ofEpochMilli(expiresAt).toString());
        ConsoleWrites.ours(session, () -> realm.addComponentModel(c));
    }

    /** Removes the resource's component, unless it is the very one an administrator is deleting right now. */
    static void removed(KeycloakSession session, RealmModel realm, String name) {
        if (realm == null || !enabled(session)) {
            return;
        }
        Object removing = session.getAttribute(REMOVING);
        rows(realm).filter(c -> name.equals(c.getName()) && !c.getId().equals(removing)).toList()
                .forEach(c -> remove(session, realm, c));
    }
}
