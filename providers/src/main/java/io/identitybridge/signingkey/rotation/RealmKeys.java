package io.identitybridge.signingkey.rotation;

import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm's published asymmetric signing keys, as the schedule sees them. Symmetric keys (HMAC, AES) and encryption
 * keys are Keycloak's internal ones and never part of the schedule. The schedule's state lives in the key component's
 * own config, next to the key, so that it moves with a database backup.
 */
public final class RealmKeys {

    public static final String STATE = "ib.rotation.state";
    public static final String SINCE = "ib.rotation.since";

    private RealmKeys() {
    }

    public static List<RealmKey> read(KeycloakSession session, RealmModel realm) {
        Map<String, RealmKey> byComponent = new LinkedHashMap<>();
        session.getContext().setRealm(realm);
        session.keys().getKeysStream(realm)
                .filter(k -> k.getUse() == KeyUse.SIG && k.getStatus() != null && k.getStatus().isEnabled())
                .filter(k -> KeyType.RSA.equals(k.getType()) || KeyType.EC.equals(k.getType()))
                .forEach(k -> byComponent.putIfAbsent(k.getProviderId(), of(realm, k)));
        return byComponent.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The algorithm tokens are signed with: the realm's default, which the certificate sets. */
    public static String signingAlgorithm(RealmModel realm) {
        String alg = realm.getDefaultSignatureAlgorithm();
        return alg == null || alg.isBlank() ? "RS256" : alg;
    }

    /**
     * Tokens a signing key signed live at most this long: the realm's and every client's access-token and ID-token
     * lifespans. Refresh tokens are signed with the realm's HMAC key, which no schedule touches.
     */
    public static long longestTokenLifetime(RealmModel realm) {
        long longest = Math.max(realm.getAccessTokenLifespan(), realm.getAccessTokenLifespanForImplicitFlow());
        for (org.keycloak.models.ClientModel client : realm.getClientsStream().toList()) {
            for (String attr : List.of("access.token.lifespan", "ib.id.token.lifespan")) {
                try {
                    String v = client.getAttribute(attr);
                    if (v != null && !v.isBlank()) {
                        longest = Math.max(longest, Long.parseLong(v.strip()));
                    }
                } catch (NumberFormatException ignored) {
                    // not a lifetime this key could have signed for
                }
            }
        }
        return longest;
    }

    private static RealmKey of(RealmModel realm, KeyWrapper k) {
        ComponentModel c = realm.getComponent(k.getProviderId());
        if (c == null) {
            return null;
        }
        KeyState state = KeyState.fromStored(c.get(STATE));
        long since = c.get(SINCE, 0L);
        return new RealmKey(c.getId(), k.getKid(), k.getAlgorithmOrDefault(), k.getProviderPriority(),
                k.getStatus().isActive(), state, since);
    }
}
