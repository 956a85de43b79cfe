package io.identitybridge.signingkey.rotation;

/**
 * One signing key of the realm as the schedule sees it. {@code state} is null for a key the schedule has not taken
 * over yet (the migrated certificate before rotation was switched on, or Keycloak's generated key); {@code since} is
 * when it entered that state, in epoch seconds.
 */
public record RealmKey(String id, String kid, String algorithm, long priority, boolean active, KeyState state, long since) {

    public boolean scheduled() {
        return state != null;
    }

    public RealmKey in(KeyState newState, long at) {
        return new RealmKey(id, kid, algorithm, priority, newState == KeyState.ACTIVE, newState, at);
    }
}
