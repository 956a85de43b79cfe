package io.identitybridge.metrics;

import java.util.Locale;

/** Why our secret authenticator refused a client: the {@code reason} label, a fixed set (never a client or a secret). */
public enum ClientAuthFailure {
    /** Credentials the guard refuses before any lookup (too long, repeated, control characters). */
    MALFORMED_CREDENTIALS,
    /** A secret both in the Authorization header and in the body, or two different client ids. */
    CONFLICTING_CREDENTIALS,
    /** The client_id names no client of the realm: every authenticator refuses it. */
    UNKNOWN_CLIENT,
    DISABLED_CLIENT,
    MISSING_SECRET,
    WRONG_SECRET,
    /** The secret matches one of the client's secrets, but that one has expired. */
    EXPIRED_SECRET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
