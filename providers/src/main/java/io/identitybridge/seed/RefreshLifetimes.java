package io.identitybridge.seed;

import io.identitybridge.vocabulary.Limits;
import io.identitybridge.jsonbody.JsonBody;

import java.util.SortedMap;

import static io.identitybridge.seed.ClientFieldTable.SESSION_IDLE;
import static io.identitybridge.seed.ClientFieldTable.SESSION_MAX;

/**
 * IS4's refresh token lifetimes (AbsoluteRefreshTokenLifetime, SlidingRefreshTokenLifetime, RefreshTokenExpiration)
 * as Keycloak's client session idle timeout and max lifespan.
 */
final class RefreshLifetimes {

    private RefreshLifetimes() {
    }

    static void read(JsonBody in, SortedMap<String, String> state) {
        int absolute = in.seconds("AbsoluteRefreshTokenLifetime", 2592000, Limits.MAX_REFRESH_LIFETIME_SECONDS);
        int sliding = in.seconds("SlidingRefreshTokenLifetime", 1296000, Limits.MAX_REFRESH_LIFETIME_SECONDS);
        String expiration = in.text("RefreshTokenExpiration");
        boolean slidingMode = expiration != null && expiration.equalsIgnoreCase("Sliding");
        if (expiration != null && !slidingMode && !expiration.equalsIgnoreCase("Absolute")) {
            in.error("RefreshTokenExpiration", "must be 'Absolute' or 'Sliding'");
        }
        // Keycloak: idle timeout slides on every refresh, max lifespan never moves. Absolute = no sliding at all.
        SESSION_IDLE.put(state, String.valueOf(slidingMode ? Math.min(sliding, absolute) : absolute));
        SESSION_MAX.put(state, String.valueOf(absolute));
    }

    /**
     * Keycloak never lets a client session outlive the realm's SSO session, and its admin console refuses to save a
     * client whose values exceed the realm's; so the stored values are the effective ones. Only a value about to be
     * written is capped ({@code actual}: the client as stored, or null): a change of other fields leaves it as it is.
     */
    static void capSessions(SortedMap<String, String> state, RealmView realm, SortedMap<String, String> actual) {
        cap(state, SESSION_IDLE.key(), realm.ssoSessionIdle(), actual);
        cap(state, SESSION_MAX.key(), realm.ssoSessionMax(), actual);
    }

    private static void cap(SortedMap<String, String> state, String key, int realmValue, SortedMap<String, String> actual) {
        String seconds = state.get(key);
        if (realmValue <= 0 || seconds == null || !seconds.matches("\\d{1,18}") || actual != null && seconds.equals(actual.get(key))) {
            return;
        }
        if (Long.parseLong(seconds) > realmValue) {
            state.put(key, String.valueOf(realmValue));
        }
    }
}
