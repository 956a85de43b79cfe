package io.identitybridge.signingkey;

import io.identitybridge.signingkey.rotation.KeyState;
import io.identitybridge.signingkey.rotation.RealmKey;
import io.identitybridge.signingkey.rotation.RotationPolicy;
import io.identitybridge.vocabulary.ConsoleWrites;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One admin-console row per published signing key ({@value #PAGE_ID}): kid, algorithm, state and the date of its next
 * step. Written by the rotation task each tick, only where a row differs, since each component write reloads the realm.
 */
public final class SigningKeysMirror {

    public static final String PAGE_ID = "identity-service-signing-keys";
    public static final String KID = "kid";
    public static final String ALGORITHM = "algorithm";
    public static final String STATE = "state";
    public static final String NEXT = "next";
    static final List<String> FIELDS = List.of(KID, ALGORITHM, STATE, NEXT);

    private SigningKeysMirror() {
    }

    /** {@code policy} is null when rotation is off. */
    static void reconcile(KeycloakSession session, RealmModel realm, List<RealmKey> keys, RotationPolicy policy) {
        if (session.getKeycloakSessionFactory().getProviderFactory(UiPageProvider.class, PAGE_ID) == null) {
            return; // the declarative-ui feature is off: there is no page
        }
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        for (RealmKey k : keys) {
            wanted.put(k.kid(), row(realm, k, keys, policy));
        }
        List<ComponentModel> shown = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> PAGE_ID.equals(c.getProviderId())).toList();
        for (ComponentModel c : shown) {
            Map<String, String> want = wanted.remove(c.getName());
            if (want == null) {
                ConsoleWrites.ours(session, () -> {
                    realm.removeComponent(c);
                    return null;
                });
            } else if (FIELDS.stream().anyMatch(f -> !Objects.equals(want.get(f), c.get(f)))) {
                want.forEach(c::put);
                ConsoleWrites.ours(session, () -> {
                    realm.updateComponent(c);
                    return null;
                });
            }
        }
        wanted.forEach((kid, fields) -> {
            ComponentModel c = new ComponentModel();
            c.setParentId(realm.getId());
            c.setProviderType(UiPageProvider.class.getName());
            c.setProviderId(PAGE_ID);
            c.setName(kid);
            fields.forEach(c::put);
            ConsoleWrites.ours(session, () -> realm.addComponentModel(c));
        });
    }

    private static Map<String, String> row(RealmModel realm, RealmKey k, List<RealmKey> keys, RotationPolicy policy) {
        String state = k.state() != null ? k.state().stored() : k.active() ? "active" : "passive";
        String next;
        if (policy != null && k.state() != null) {
            boolean successorAnnounced = keys.stream().anyMatch(o -> o.state() == KeyState.ANNOUNCED);
            if (k.state() == KeyState.ACTIVE && !successorAnnounced) {
                next = "successor announced at " + Instant.ofEpochSecond(policy.announceAt(k));
            } else {
                next = nextStepName(k) + " at " + Instant.ofEpochSecond(policy.nextStepAt(k));
            }
        } else {
            ComponentModel c = realm.getComponent(k.id());
            String retire = c == null ? null : c.get(CertificateKeyProviderFactory.RETIRE_AFTER);
            next = retire != null && !k.active() ? "removed at " + Instant.ofEpochSecond(Long.parseLong(retire)) : "none (rotation off)";
        }
        return Map.of(KID, k.kid(), ALGORITHM, k.algorithm(), STATE, state, NEXT, next);
    }

    private static String nextStepName(RealmKey k) {
        switch (k.state()) {
            case ANNOUNCED:
                return "signs";
            case ACTIVE:
                return "passive";
            default:
                return "removed";
        }
    }
}
