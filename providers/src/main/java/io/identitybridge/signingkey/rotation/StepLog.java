package io.identitybridge.signingkey.rotation;

import java.util.stream.Collectors;

/** The one log line of each step: what happened to which kid, and when that key's next step is due. */
public final class StepLog {

    private StepLog() {
    }

    /** {@code nextAnnouncement}: when the signing key's successor is announced, 0 if not known. */
    public static String line(String realm, KeyStep step, String kid, RotationPolicy policy, long now, long nextAnnouncement) {
        String prefix = "Identity Bridge: realm '" + realm + "' signing key kid '" + kid + "' ";
        return prefix + step.handle(new KeyStep.Handler<String>() {
            @Override
            public String adopt(KeyStep.Adopt step) {
                return "(" + step.key().algorithm() + ") joins the rotation schedule as the active key;"
                        + " its successor is announced at " + at(now + policy.rotation() - policy.propagation());
            }

            @Override
            public String announce(KeyStep.Announce step) {
                return "(" + step.algorithm() + ") is announced: published in the JWKS, it signs from " + at(now + policy.propagation());
            }

            @Override
            public String activate(KeyStep.Activate step) {
                return "(" + step.key().algorithm() + ") signs from now until " + at(now + policy.rotation())
                        + "; passive and published until " + at(now + policy.retention()) + ": "
                        + step.passivated().stream().map(k -> "'" + k.kid() + "'").collect(Collectors.joining(", "));
            }

            @Override
            public String remove(KeyStep.Remove step) {
                return "is removed from the JWKS: "
                        + (step.key().state() == KeyState.PASSIVE ? "its retention ended" : "a newer key was announced in its place")
                        + (nextAnnouncement > 0 ? "; the next key is announced at " + at(nextAnnouncement) : "");
            }
        });
    }

    static String at(long epochSeconds) {
        return java.time.Instant.ofEpochSecond(epochSeconds).toString();
    }
}
