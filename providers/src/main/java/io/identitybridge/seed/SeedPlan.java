package io.identitybridge.seed;

import java.util.List;

/**
 * Stage 3b of seeding: a validated plan. It exists only for a {@link SeedReview} without errors, and it is the only
 * thing {@link Seeder#apply} accepts: so nothing can write a client that planning has not passed.
 */
public final class SeedPlan {

    private final SeedReview review;

    SeedPlan(SeedReview review) {
        if (!review.valid()) {
            throw new IllegalArgumentException("a plan cannot be built from a review with errors");
        }
        this.review = review;
    }

    public SeedReview review() {
        return review;
    }

    List<SeedReview.Item> scopes() {
        return review.scopes();
    }

    List<SeedReview.Item> clients() {
        return review.clients();
    }
}
