package io.identitybridge.seed;

import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/** The one entry point for boot and admin REST alike: parse, validate and plan, then apply all or nothing. */
public final class Seeder {

    private final int secretMinLength;
    private final boolean prune;

    public Seeder(int secretMinLength, boolean prune) {
        this.secretMinLength = secretMinLength;
        this.prune = prune;
    }

    public SeedPlan plan(KeycloakSession session, RealmModel realm, String input, String source) {
        SeedInput.Parsed parsed;
        try {
            parsed = SeedInput.parse(input, source);
        } catch (SeedInputException e) {
            return new SeedPlan(realm.getName(), List.of(), List.of(), e.problems());
        }
        // Planning only reads. In batch mode Hibernate skips its flush before every query, which would otherwise
        // dirty-check every client loaded so far and make planning 1,000 clients quadratic.
        SeedPlan[] plan = new SeedPlan[1];
        EntityManagers.runInBatch(session,
                () -> plan[0] = new SeedPlanner(secretMinLength, prune).plan(parsed, new KeycloakRealmView(session, realm)), false);
        return plan[0];
    }

    /**
     * Writes a plan made by {@link #plan} in this same transaction, if it is valid and changes something. Do any
     * other write of the transaction before this one: client creation runs in separate persistence contexts.
     */
    public void apply(KeycloakSession session, RealmModel realm, SeedPlan plan) {
        if (plan.valid() && !plan.changesNothing()) {
            SeedApplier.apply(session, realm, plan);
        }
    }
}
