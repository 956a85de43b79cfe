package io.identitybridge.metrics;

import java.util.Locale;

/**
 * One step in a signing key's life: the {@code step} label of {@code identity_bridge_signing_key_steps_total}, from the
 * certificate option at boot and from the rotation schedule while the server runs.
 */
public enum SigningKeyStep {
    /** A configured certificate became the realm's active key. */
    INSTALLED,
    /** A configured certificate that had been made passive is active again. */
    REACTIVATED,
    /** The previous key stays published, passive, until the tokens it signed have expired. */
    MADE_PASSIVE,
    /** A passive key past its retirement time was removed. */
    REMOVED,
    /** The realm's signing key joined the rotation schedule as its active key. */
    ADOPTED,
    /** A new key is published, not signing yet. */
    ANNOUNCED,
    /** An announced key signs from now. */
    ACTIVATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
