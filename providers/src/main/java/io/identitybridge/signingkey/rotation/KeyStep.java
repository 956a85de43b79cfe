package io.identitybridge.signingkey.rotation;

import java.util.List;

/** One change the schedule asks for. Applying a step is the caller's job; the schedule only decides. */
public sealed interface KeyStep {

    /** The realm's current signing key joins the schedule as its active key, from now. */
    record Adopt(RealmKey key) implements KeyStep {
    }

    /** A new key is generated and published, not signing, above every present priority. */
    record Announce(String algorithm, long priority) implements KeyStep {
    }

    /** The announced key signs from now; the keys that signed before become passive. */
    record Activate(RealmKey key, List<RealmKey> passivated) implements KeyStep {
        public Activate {
            passivated = List.copyOf(passivated);
        }
    }

    /** A passive key whose retention has ended, or an announced key that lost to a newer one, is deleted. */
    record Remove(RealmKey key) implements KeyStep {
    }
}
