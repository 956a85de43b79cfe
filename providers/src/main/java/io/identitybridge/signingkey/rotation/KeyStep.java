package io.identitybridge.signingkey.rotation;

import java.util.List;

/**
 * One change the schedule asks for. Applying a step is the caller's job; the schedule only decides. Whoever acts on
 * steps does so through {@link Handler}, one method per kind of step, so that a new kind fails to compile wherever it
 * is not handled yet.
 */
public sealed interface KeyStep {

    /** What to do with each kind of step. */
    interface Handler<R> {
        R adopt(Adopt step);

        R announce(Announce step);

        R activate(Activate step);

        R remove(Remove step);
    }

    <R> R handle(Handler<R> handler);

    /** The realm's current signing key joins the schedule as its active key, from now. */
    record Adopt(RealmKey key) implements KeyStep {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.adopt(this);
        }
    }

    /** A new key is generated and published, not signing, above every present priority. */
    record Announce(String algorithm, long priority) implements KeyStep {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.announce(this);
        }
    }

    /** The announced key signs from now; the keys that signed before become passive. */
    record Activate(RealmKey key, List<RealmKey> passivated) implements KeyStep {
        public Activate {
            passivated = List.copyOf(passivated);
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.activate(this);
        }
    }

    /** A passive key whose retention has ended, or an announced key that lost to a newer one, is deleted. */
    record Remove(RealmKey key) implements KeyStep {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.remove(this);
        }
    }
}
