package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.DatabaseOutage;
import io.identitybridge.it.support.FaultServers;
import io.identitybridge.it.support.OwnPostgres;
import io.identitybridge.it.support.RegisterKill;
import io.identitybridge.it.support.SeedKill;
import io.identitybridge.it.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults of the database and of the node, on a PostgreSQL of the test's own ({@link OwnPostgres}: the machine's shared
 * cluster is never stopped), one database per scenario, real Keycloak distributions with the bundle
 * ({@link FaultServers}). Each scenario runs once and its rules are asserted by the tests named after them. Runs in the
 * H2 pass only: it brings its own PostgreSQL, so the PostgreSQL pass would repeat it unchanged.
 */
class DatabaseFaultsIT {

    private static final List<String> FIGURES = new ArrayList<>();
    private static OwnPostgres pg;
    private static FaultServers servers;
    private static Once<DatabaseOutage.Result> outage;
    private static Once<SeedKill.Result> seedKill;
    private static Once<RegisterKill.Result> registerKill;

    @BeforeAll
    static void ownPostgres() {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "fault tests run once, in the H2 pass: they bring their own PostgreSQL");
        pg = OwnPostgres.start();
        servers = new FaultServers();
        outage = new Once<>(() -> new DatabaseOutage(pg, servers).run(FIGURES));
        seedKill = new Once<>(() -> new SeedKill(pg, servers).run(FIGURES));
        registerKill = new Once<>(() -> new RegisterKill(pg, servers).run(FIGURES));
    }

    @AfterAll
    static void cleanUp() {
        if (servers != null) {
            servers.close();
        }
        if (pg != null) {
            pg.close();
        }
        FIGURES.forEach(System.out::println);
    }

    // --- PostgreSQL goes away for 10 s under token and API load, then comes back.

    @Test
    void callersGetAClearErrorWithinThirtySecondsWhileTheDatabaseIsDown() {
        outage.get().assertEveryCallAnsweredClearlyWithinThirtySeconds();
    }

    @Test
    void tokensApiCallsAndTheSweepWorkAgainWithoutARestartOnceTheDatabaseIsBack() {
        outage.get().assertRecovered();
    }

    @Test
    void noSeededClientAndNoResourceIsLostWhenTheDatabaseGoesAway() {
        outage.get().assertNothingLost();
    }

    // --- A node is SIGKILLed while its boot seeds 1,000 clients.

    @Test
    void theNextStartCompletesASeedKilledMidway() {
        seedKill.get().assertCompleted();
    }

    @Test
    void everyClientIsWholeAndThePlanAfterwardsIsAllUnchangedAfterASeedKilledMidway() {
        seedKill.get().assertWholeAndUnchanged();
    }

    // --- A node is SIGKILLed during a burst of Clients/register and OwnedResources/register.

    @Test
    void everyRegistrationThatAnswered200SurvivesASigkill() {
        registerKill.get().assertEvery200Persisted();
    }

    @Test
    void noClientExistsWithoutItsServiceAccountAfterASigkillMidWrite() {
        registerKill.get().assertNoClientWithoutServiceAccount();
    }

    /** A scenario run on first use; its failure fails every test that asks for it. */
    static final class Once<T> {
        private final Supplier<T> run;
        private T value;
        private RuntimeException failure;

        Once(Supplier<T> run) {
            this.run = run;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = run.get();
                } catch (RuntimeException | AssertionError e) {
                    failure = new IllegalStateException("the scenario failed: " + e, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }



    static void assertStatus(int expected, Http.Response r, String what) {
        assertEquals(expected, r.status(), what + ": " + r.body());
    }

    static Map<String, Object> registerBody(String name) {
        return Map.of("ClientName", name, "AllowedScopes", List.of("get_resource_list"));
    }
}
