package io.identitybridge.signingkey.rotation;

/**
 * The schedule's times, in seconds. {@code retention} is the effective one: never shorter than the longest lifetime of
 * a token the key could have signed.
 */
public record RotationPolicy(long rotation, long propagation, long retention, String algorithm) {

    public RotationPolicy {
        if (rotation < 1 || propagation < 1 || retention < 1) {
            throw new IllegalArgumentException("rotation, propagation and retention must be positive");
        }
        if (propagation > rotation) {
            throw new IllegalArgumentException("the propagation time (" + Durations.text(propagation)
                    + ") must not be longer than the rotation interval (" + Durations.text(rotation) + ")");
        }
    }

    /** The time of a scheduled key's next step: activation, rotation out, or removal. */
    public long nextStepAt(RealmKey key) {
        return switch (key.state()) {
            case ANNOUNCED -> key.since() + propagation;
            case ACTIVE -> key.since() + rotation;
            case PASSIVE -> key.since() + retention;
        };
    }

    /** When the successor of an active key is announced. */
    public long announceAt(RealmKey active) {
        return active.since() + rotation - propagation;
    }
}
