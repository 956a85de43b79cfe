package io.identitybridge.signingkey.rotation;

/**
 * Where a key stands in the schedule. Keycloak publishes every enabled key in the JWKS and signs with the active one of
 * highest priority, so "announced" and "passive" are both Keycloak-passive keys: published, not signing.
 */
public enum KeyState {
    /** Published, not yet signing: verifiers fetch it before any token carries its kid. */
    ANNOUNCED,
    /** The key that signs. */
    ACTIVE,
    /** Published, no longer signing: tokens it signed still verify until the retention ends. */
    PASSIVE;

    /** The value stored in the key component's config. */
    public String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Null for a value this version does not know: such a key is left alone. */
    public static KeyState fromStored(String value) {
        for (KeyState s : values()) {
            if (s.stored().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
