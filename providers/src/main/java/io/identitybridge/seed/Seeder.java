package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * The one door through which anything of ours writes a client: boot seeding, the seed admin endpoint, the Clients API
 * and the admin console's client tab. Text ({@link SeedText}) is read into a {@link DesiredState}, reviewed against
 * the realm ({@link SeedReview}), and only a review without errors becomes a {@link SeedPlan}, which
 * {@link #apply} writes all or nothing ({@link SeedResult}).
 */
public final class Seeder {

    private final int secretMinLength;
    private final boolean prune;

    public Seeder(int secretMinLength, boolean prune) {
        this.secretMinLength = secretMinLength;
        this.prune = prune;
    }

    /** Stages 1 to 3 at once: the text read, then reviewed. */
    public SeedReview review(KeycloakSession session, RealmModel realm, SeedText text) {
        return review(session, realm, DesiredState.parse(text, secretMinLength));
    }

    public SeedReview review(KeycloakSession session, RealmModel realm, DesiredState state) {
        // Reviewing only reads. In batch mode Hibernate skips its flush before every query, which would otherwise
        // dirty-check every client loaded so far and make planning 1,000 clients quadratic.
        SeedReview[] review = new SeedReview[1];
        EntityManagers.runInBatch(session,
                () -> review[0] = new SeedPlanner(prune).review(state, new KeycloakRealmView(session, realm)), false);
        return review[0];
    }

    /**
     * Writes a change of one existing client ({@link ClientChange}) through the review and the plan like any input.
     * Throws {@link SeedInputException}, having written nothing, when the change has an error or the client was
     * removed meanwhile: a change never creates a client again.
     */
    public SeedResult change(KeycloakSession session, RealmModel realm, ClientChange change) {
        SeedReview review = review(session, realm, change.toState());
        SeedPlan plan = review.plan().orElseThrow(
                () -> new SeedInputException(review.problems().stream().filter(Problem::isError).toList()));
        SeedReview.Item item = review.clients().get(0);
        if (item.action() == SeedReview.Action.CREATE) {
            throw new SeedInputException(List.of(Problem.error(0, item.name(), "ClientId", "was removed by a concurrent request")));
        }
        return apply(session, realm, plan);
    }

    /**
     * Writes a plan in the caller's transaction, if it changes something. Do any other write of the transaction before
     * this one: client creation runs in separate persistence contexts.
     */
    public SeedResult apply(KeycloakSession session, RealmModel realm, SeedPlan plan) {
        if (plan.review().changesNothing()) {
            return new SeedResult(plan.review(), false);
        }
        SeedApplier.apply(session, realm, plan);
        return new SeedResult(plan.review(), true);
    }
}
