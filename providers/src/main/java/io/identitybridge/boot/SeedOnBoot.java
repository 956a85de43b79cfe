package io.identitybridge.boot;

import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.console.SeedingRecord;
import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.seed.SeedPlan;
import io.identitybridge.seed.SeedResult;
import io.identitybridge.seed.SeedReview;
import io.identitybridge.seed.SeedStatus;
import io.identitybridge.seed.SeedText;
import io.identitybridge.seed.Seeder;
import io.identitybridge.vocabulary.Problem;
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
        SeedText text = new SeedText(input, source);
        // The seeding transaction commits inside the lock, so the next node to get the lock sees its clients.
        SeedResult result = KeycloakModelUtils.runJobInTransactionWithResult(factory, lockSession -> {
            DBLockProvider lock = new DBLockManager(lockSession).getDBLock();
            lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
            try {
                SeedResult seeded = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> seed(session, settings, text));
                if (seeded != null) {
                    recordSeparately(factory, settings, text, seeded);
                }
                return seeded;
            } finally {
                lock.releaseLock();
            }
        });
        long nanos = System.nanoTime() - started;
        long ms = nanos / 1_000_000;
        if (result == null) {
            SeedStatus.record("failed", null);
            BridgeMetrics.seedRun(BridgeMetrics.BOOT, BridgeMetrics.INVALID, nanos);
            return;
        }
        SeedStatus.record("succeeded", result);
        BridgeMetrics.seedRun(BridgeMetrics.BOOT, result.applied() ? BridgeMetrics.APPLIED : BridgeMetrics.UNCHANGED, nanos);
        BridgeMetrics.seedItems(BridgeMetrics.BOOT, "scope", result.review().scopes().stream().map(i -> i.action().name()).toList());
        BridgeMetrics.seedItems(BridgeMetrics.BOOT, "client", result.review().clients().stream().map(i -> i.action().name()).toList());
        result.review().problems().stream().filter(p -> !p.isError()).forEach(p -> LOG.warn("Identity Bridge seeding: " + p));
        LOG.infof("Identity Bridge seeded realm '%s' from %s in %d ms: %s", result.review().realm(), source, ms, result.summary());
    }

    private static SeedResult seed(KeycloakSession session, IdentityBridgeSettings settings, SeedText text) {
        RealmModel realm = session.realms().getRealmByName(settings.realm());
        if (realm == null) {
            return invalid(settings, "realm '" + settings.realm() + "' does not exist; import it first (--import-realm) or set "
                    + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REALM));
        }
        // Client creation needs the realm on the context (RealmModel listeners read it).
        session.getContext().setRealm(realm);
        Seeder seeder = new Seeder(settings.secretMinLength(), settings.prune());
        SeedReview review = seeder.review(session, realm, text);
        List<String> problems = review.problems().stream().map(Problem::toString).toList();
        SeedPlan plan = review.plan().orElse(null);
        if (plan == null) {
            SeedResult none = invalid(settings, new SeedInputException(review.problems()).getMessage());
            SeedingRecord.record(session, realm, text.source(), "invalid input: nothing was changed", problems);
            return none;
        }
        return seeder.apply(session, realm, plan);
    }

    /**
     * The console's record of a seeding that was applied, in a transaction of its own: the seeding created clients in
     * batches whose persistence contexts are closed by now, and a realm write through its session then fails on them.
     * The seeding itself has committed, so a failure here costs the console page its update, never the start.
     */
    private static void recordSeparately(KeycloakSessionFactory factory, IdentityBridgeSettings settings, SeedText text, SeedResult result) {
        List<String> problems = result.review().problems().stream().map(Problem::toString).toList();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> SeedingRecord.record(session,
                    session.realms().getRealmByName(settings.realm()), text.source(), result.summary(), problems));
        } catch (RuntimeException e) {
            LOG.warnf("Identity Bridge seeding succeeded, but the console's seeding page was not updated: %s", e.getClass().getName());
        }
    }

    private static SeedResult invalid(IdentityBridgeSettings settings, String message) {
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
