package io.identitybridge.seed;

import java.util.Optional;

/**
 * Stage 4 of seeding: what was written, in the caller's transaction. Counts and the outcome per client are the plan's
 * actions; {@code applied} is false when the plan changed nothing and so nothing was written.
 */
public record SeedResult(SeedReview review, boolean applied) {

    public long count(SeedReview.Action action) {
        return review.count(action);
    }

    /** What was done to one client of the plan, or empty if the plan did not name it. */
    public Optional<SeedReview.Action> outcome(String clientId) {
        return review.clients().stream().filter(i -> i.name().equals(clientId)).map(SeedReview.Item::action).findFirst();
    }

    public String summary() {
        return review.summary();
    }
}
