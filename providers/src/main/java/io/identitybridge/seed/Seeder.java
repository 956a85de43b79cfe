package io.identitybridge.seed;

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
        return new SeedPlanner(secretMinLength, prune).plan(parsed, new KeycloakRealmView(session, realm));
    }

    /** Plans, and writes only if the plan is valid and changes something. Returns the plan either way. */
    public SeedPlan apply(KeycloakSession session, RealmModel realm, String input, String source) {
        SeedPlan plan = plan(session, realm, input, source);
        if (plan.valid() && !plan.changesNothing()) {
            SeedApplier.apply(session, realm, plan);
        }
        return plan;
    }
}
