package io.identitybridge.it.support;


import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL crashes ({@code pg_ctl stop -m immediate}) for 10 s while {@link FaultLoad} calls tokens and the API, then
 * starts again; the Keycloak node is never restarted.
 */
public final class DatabaseOutage {

    public static final int SEEDED = 20;
    public static final long OUTAGE_MS = 10_000;
    /** Every call answers within this, whatever the database does. */
    public static final long MAX_LATENCY_MS = 30_000;
    /** Every kind of call succeeds again within this after PostgreSQL accepts connections again. */
    public static final long RECOVERY_MS = 30_000;

    private final OwnPostgres pg;
    private final FaultServers servers;

    public DatabaseOutage(OwnPostgres pg, FaultServers servers) {
        this.pg = pg;
        this.servers = servers;
    }

    public record Result(List<FaultLoad.Call> calls, long downAtMs, long backAtMs, List<String> registered, int seededBefore, int seededAfter,
                  Set<String> resourcesAfter, boolean expiredDuringOutageSwept, long sweptAfterMs, boolean freshResourceSwept,
                  int tokenAfter, int apiAfter) {

        /** Calls answered after PostgreSQL went down and begun before the recovery bound after it came back. */
        boolean duringOutage(FaultLoad.Call c) {
            return c.atMs() + c.latencyMs() >= downAtMs && c.atMs() <= backAtMs + RECOVERY_MS;
        }

        /**
         * Every call answers within 30 s, with 2xx or a clear error. The one clear error is 503
         * {@code temporarily_unavailable} (JSON, no stack trace, with Retry-After): the server cannot reach its database,
         * the caller should try again. Allowed only during the outage (and the recovery bound after it). Never a 4xx,
         * which would tell the caller that its own request or secret is wrong (the API said 400 "could not be stored"),
         * and never a 500 (Keycloak said 500 {@code unknown_error}, an ERROR with a stack trace per request).
         */
        public void assertEveryCallAnsweredClearlyWithinThirtySeconds() {
            List<FaultLoad.Call> slow = calls.stream().filter(c -> c.latencyMs() >= MAX_LATENCY_MS).toList();
            assertTrue(slow.isEmpty(), slow.size() + " calls took 30 s or more, first: " + (slow.isEmpty() ? "" : slow.get(0)));
            List<FaultLoad.Call> unclear = calls.stream().filter(c -> !c.ok() && !(duringOutage(c) && clearError(c))).toList();
            assertTrue(unclear.isEmpty(), unclear.size() + " calls failed other than with a clear error while the database was down: "
                    + unclear.stream().limit(5).toList());
            assertTrue(calls.stream().anyMatch(c -> duringOutage(c) && !c.ok()), "no call saw the outage: the test did not test it");
        }

        static boolean clearError(FaultLoad.Call c) {
            return c.status() == 503 && !c.retryAfter().isEmpty() && c.body().startsWith("{\"error\":\"temporarily_unavailable\"")
                    && !c.body().contains("Exception") && !c.body().contains("\tat ");
        }

        public void assertRecovered() {
            for (String kind : FaultLoad.KINDS) {
                long lastFailure = calls.stream().filter(c -> c.kind().equals(kind) && !c.ok()).mapToLong(FaultLoad.Call::atMs).max().orElse(-1);
                assertTrue(lastFailure < backAtMs + RECOVERY_MS, kind + " still failed " + (lastFailure - backAtMs) + " ms after the database was back");
                assertTrue(calls.stream().anyMatch(c -> c.kind().equals(kind) && c.ok() && c.atMs() > backAtMs), kind + " never succeeded afterwards");
            }
            assertEquals(200, tokenAfter, "a token after the outage");
            assertEquals(200, apiAfter, "an API call after the outage");
            assertTrue(expiredDuringOutageSwept, "a resource that expired while the database was down was not swept afterwards");
            assertTrue(freshResourceSwept, "a resource registered and expired after the outage was not swept");
        }

        public void assertNothingLost() {
            assertEquals(SEEDED + 1, seededBefore, "seeded clients before the outage");
            assertEquals(seededBefore, seededAfter, "seeded clients after the outage");
            List<String> lost = registered.stream().filter(n -> !resourcesAfter.contains(n)).toList();
            assertTrue(lost.isEmpty(), lost.size() + " of " + registered.size() + " resources that answered 200 are gone: " + lost);
        }
    }

    public Result run(List<String> figures) {
        TestDatabase db = pg.database("ib_faults_outage");
        KeycloakServer kc = servers.start("outage", db, FaultServers.seedFile("outage", SEEDED));
        IdsApi api = new IdsApi(kc);
        String registrar = api.token(FaultServers.REGISTRAR, FaultServers.REGISTRAR_SECRET, "IdentityServerApi register_own_resource");
        int seededBefore = FaultServers.wholeClients(db, FaultServers.SEEDED_PREFIX) + FaultServers.wholeClients(db, FaultServers.REGISTRAR);

        List<String> grantees = java.util.stream.IntStream.range(0, SEEDED).mapToObj(FaultServers::seededId).toList();
        FaultLoad load = new FaultLoad(api, FaultServers.REGISTRAR, FaultServers.REGISTRAR_SECRET, FaultServers.CUSTOMER, grantees);
        long downAt;
        long backAt;
        String expiring = "TempAccess_fault_expires_in_outage";
        try {
            FaultLoad.pause(3_000);
            // Expires in the middle of the outage: the sweep must remove it once the database is back.
            api.ok("OwnedResources/register", registrar, OwnedResourceBodies.registerBody(expiring, Instant.now().plusSeconds(6), FaultServers.seededId(0)));
            downAt = load.now();
            pg.crash();
            FaultLoad.pause(OUTAGE_MS);
            pg.startServer();
            backAt = load.now();
            FaultLoad.waitFor("every kind of call succeeding 5 times in a row", RECOVERY_MS + 30_000,
                    () -> load.allRecovered(backAt, 5));
        } finally {
            load.close();
        }
        long sweptFrom = System.currentTimeMillis();
        String count = "select count(*) from ib_owned_resource where name = '" + expiring + "'";
        boolean swept = poll(() -> "0".equals(db.sql(count)));
        long sweptAfter = System.currentTimeMillis() - sweptFrom;
        String fresh = "TempAccess_fault_after_outage";
        String token = api.token(FaultServers.REGISTRAR, FaultServers.REGISTRAR_SECRET, "IdentityServerApi register_own_resource");
        api.ok("OwnedResources/register", token, OwnedResourceBodies.registerBody(fresh, Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS), FaultServers.seededId(1)));
        boolean freshSwept = poll(() -> "0".equals(db.sql("select count(*) from ib_owned_resource where name = '" + fresh + "'")));
        int tokenAfter = api.tokenResponse(FaultServers.seededId(0), FaultServers.seededSecret(0), null).status();
        String finder = api.token(FaultServers.REGISTRAR, FaultServers.REGISTRAR_SECRET, "IdentityServerApi find_clients");
        int apiAfter = api.call("Clients/find", finder, "{\"CustomerIds\":[\"" + FaultServers.CUSTOMER + "\"]}").status();
        int seededAfter = FaultServers.wholeClients(db, FaultServers.SEEDED_PREFIX) + FaultServers.wholeClients(db, FaultServers.REGISTRAR);
        Set<String> resources = db.sql("select name from ib_owned_resource").lines().collect(Collectors.toSet());
        kc.close();

        List<FaultLoad.Call> calls = load.calls();
        Result r = new Result(calls, downAt, backAt, load.registered(), seededBefore, seededAfter, resources, swept, sweptAfter, freshSwept,
                tokenAfter, apiAfter);
        figures.add(figure(r));
        return r;
    }

    private static String figure(Result r) {
        List<FaultLoad.Call> during = r.calls().stream().filter(r::duringOutage).toList();
        String statuses = r.calls().stream().collect(Collectors.groupingBy(c -> c.kind() + " " + c.status(), java.util.TreeMap::new,
                Collectors.counting())).toString();
        long slowest = r.calls().stream().mapToLong(FaultLoad.Call::latencyMs).max().orElse(0);
        long lastFailure = r.calls().stream().filter(c -> !c.ok()).mapToLong(FaultLoad.Call::atMs).max().orElse(r.backAtMs());
        return String.format("database outage: %d calls (%d while down), statuses %s; slowest %d ms; last failure %d ms after"
                        + " PostgreSQL was back; %d resources registered with 200, all kept; expired-in-outage resource swept %d ms after recovery",
                r.calls().size(), during.size(), statuses, slowest, lastFailure - r.backAtMs(), r.registered().size(), r.sweptAfterMs());
    }

    private static boolean poll(java.util.function.BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            FaultLoad.pause(250);
        }
        return done.getAsBoolean();
    }
}
