package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.console.SeedingRecord;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.dblock.DBLockManager;
import org.keycloak.models.dblock.DBLockProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Seeds the configured clients once Keycloak has migrated and imported realms ({@code PostMigrationEvent}). One
 * transaction: all clients or none. Nodes sharing a database take Keycloak's boot lock in turn, so the second node
 * finds the clients already there and writes nothing.
 */
public final class SeedOnBoot {

    private static final Logger LOG = Logger.getLogger(SeedOnBoot.class);

    private SeedOnBoot() {
    }

    public static void run(KeycloakSessionFactory factory, IdentityBridgeSettings settings) {
        if (!settings.hasSeedInput()) {
            LOG.debugf("no %s or %s set: no clients to seed", IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_CLIENTS),
                    IdentityBridgeSettings.OPT_CLIENTS_FILE);
            SeedStatus.record("no-input", null);
            return;
        }
        String source = settings.clients() != null ? "option clients" : "clients-file " + settings.clientsFile();
        String input = settings.clients() != null ? settings.clients() : read(settings);
        long started = System.nanoTime();
        // The seeding transaction commits inside the lock, so the next node to get the lock sees its clients.
        SeedPlan plan = KeycloakModelUtils.runJobInTransactionWithResult(factory, lockSession -> {
            DBLockProvider lock = new DBLockManager(lockSession).getDBLock();
            lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> seed(session, settings, input, source));
            } finally {
                lock.releaseLock();
            }
        });
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (plan == null) {
            SeedStatus.record("failed", null);
            return;
        }
        SeedStatus.record("succeeded", plan);
        plan.problems().stream().filter(p -> !p.isError()).forEach(p -> LOG.warn("Identity Bridge seeding: " + p));
        LOG.infof("Identity Bridge seeded realm '%s' from %s in %d ms: %d created, %d updated, %d unchanged, %d deleted",
                plan.realm(), source, ms, plan.count(SeedPlan.Action.CREATE), plan.count(SeedPlan.Action.UPDATE),
                plan.count(SeedPlan.Action.UNCHANGED), plan.count(SeedPlan.Action.DELETE));
    }

    private static SeedPlan seed(KeycloakSession session, IdentityBridgeSettings settings, String input, String source) {
        RealmModel realm = session.realms().getRealmByName(settings.realm());
        if (realm == null) {
            return invalid(settings, "realm '" + settings.realm() + "' does not exist; import it first (--import-realm) or set "
                    + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REALM));
        }
        // Client creation needs the realm on the context (RealmModel listeners read it).
        session.getContext().setRealm(realm);
        Seeder seeder = new Seeder(settings.secretMinLength(), settings.prune());
        SeedPlan plan = seeder.plan(session, realm, input, source);
        List<String> problems = plan.problems().stream().map(Problem::toString).toList();
        if (!plan.valid()) {
            SeedPlan none = invalid(settings, new SeedInputException(plan.problems()).getMessage());
            SeedingRecord.record(session, realm, source, "invalid input: nothing was changed", problems);
            return none;
        }
        seeder.apply(session, realm, plan);
        SeedingRecord.record(session, realm, source, String.format("%d created, %d updated, %d unchanged, %d deleted",
                plan.count(SeedPlan.Action.CREATE), plan.count(SeedPlan.Action.UPDATE),
                plan.count(SeedPlan.Action.UNCHANGED), plan.count(SeedPlan.Action.DELETE)), problems);
        return plan;
    }

    private static SeedPlan invalid(IdentityBridgeSettings settings, String message) {
        if (settings.onInvalid() == IdentityBridgeSettings.OnInvalid.FAIL) {
            throw new IllegalStateException(message + "\n(on-invalid=fail: the server does not start; on-invalid=skip would leave the realm as it is)");
        }
        LOG.error(message + "\n(on-invalid=skip: nothing was changed)");
        return null;
    }

    private static String read(IdentityBridgeSettings settings) {
        try {
            return Files.readString(settings.clientsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_CLIENTS_FILE)
                    + " " + settings.clientsFile(), e);
        }
    }
}
