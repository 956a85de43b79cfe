package io.identitybridge.seed;

/**
 * Stage 4 of seeding: what was written, in the caller's transaction. Counts, and the outcome per client (the review's
 * items and their actions); {@code applied} is false when the plan changed nothing and so nothing was written.
 */
public record SeedResult(SeedReview review, boolean applied) {

    public long count(SeedReview.Action action) {
        return review.count(action);
    }

    public String summary() {
        return review.summary();
    }
}
