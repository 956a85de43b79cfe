package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node booting with a seed file of 1,000 clients is SIGKILLed while the seed writes (its clients' rows are reaching
 * the {@code client} table), then started again on the same database with the same file.
 */
public final class SeedKill {

    public static final int CLIENTS = 1000;
    /** Heap pages of the {@code client} table the seed must have written before the kill: a few dozen clients. */
    private static final int PAGES_WRITTEN = 3;

    private final OwnPostgres pg;
    private final FaultServers servers;

    public SeedKill(OwnPostgres pg, FaultServers servers) {
        this.pg = pg;
        this.servers = servers;
    }

    public record Result(boolean seedFinishedBeforeKill, boolean killReachedEveryProcess, int wholeAfterKill, String nextStartSummary,
                  int wholeAfterNextStart, JsonNode plan, List<Integer> sampleTokens) {

        public void assertCompleted() {
            assertFalse(seedFinishedBeforeKill, "the seed finished before the kill: the test did not kill it midway");
            assertTrue(killReachedEveryProcess, "kc.sh or its JVM outlived SIGKILL");
            // The registrar of the seed file too.
            assertTrue(nextStartSummary.contains((CLIENTS + 1 - wholeAfterKill) + " created"), "next start: " + nextStartSummary);
            assertEquals(CLIENTS, wholeAfterNextStart, "seeded clients after the next start");
            assertEquals(List.of(200, 200, 200), sampleTokens, "tokens of the first, a middle and the last seeded client");
        }

        public void assertWholeAndUnchanged() {
            // wholeClients already failed the scenario if any client lacked its service account, secret hashes or mapper.
            assertEquals(CLIENTS, wholeAfterNextStart);
            JsonNode summary = plan.get("summary");
            assertEquals(CLIENTS + 1, summary.get("unchanged").asInt(), "plan after the completed seed: " + summary);
            for (String action : List.of("create", "update", "delete")) {
                assertEquals(0, summary.get(action).asInt(), "plan after the completed seed: " + summary);
            }
        }
    }

    public Result run(List<String> figures) {
        TestDatabase db = pg.database("ib_faults_seed");
        Path seed = FaultServers.seedFile("seed-" + CLIENTS, CLIENTS);
        long t0 = System.nanoTime();
        KeycloakProcess first = servers.launch("seed-kill-1", db, seed);
        // The realm import commits first; then the boot seed runs, and its rows reach the table as it flushes them.
        FaultLoad.waitFor("the realm import", 300_000, () -> alive(first) && first.log().contains("KC-SERVICES0032"));
        long pages = pages(db);
        FaultLoad.waitFor("the seed writing clients", 300_000,
                () -> alive(first) && (pages(db) >= pages + PAGES_WRITTEN || first.log().contains("Identity Bridge seeded")));
        List<ProcessHandle> tree = first.processTree();
        long killAt = ms(t0);
        long written = pages(db) - pages;
        first.kill();
        boolean finished = first.log().contains("Identity Bridge seeded");
        boolean allDead = tree.stream().noneMatch(ProcessHandle::isAlive);
        int wholeAfterKill = FaultServers.wholeClients(db, FaultServers.SEEDED_PREFIX) + FaultServers.wholeClients(db, FaultServers.REGISTRAR);

        KeycloakServer second = servers.start("seed-kill-2", db, seed);
        String summary = second.log().lines().filter(l -> l.contains("Identity Bridge seeded realm")).findFirst().orElse("(no seeding line)");
        int wholeAfter = FaultServers.wholeClients(db, FaultServers.SEEDED_PREFIX);
        JsonNode plan = second.admin("POST", "/realms/creatio/identity-bridge/seed/plan", read(seed)).json();
        IdsApi api = new IdsApi(second);
        List<Integer> tokens = List.of(0, CLIENTS / 2, CLIENTS - 1).stream()
                .map(i -> api.tokenResponse(FaultServers.seededId(i), FaultServers.seededSecret(i), null).status()).toList();
        second.close();

        Result r = new Result(finished, allDead, wholeAfterKill, summary.substring(summary.indexOf("Identity Bridge")), wholeAfter, plan, tokens);
        figures.add(String.format("seed killed midway: SIGKILL %d ms after launch, %d pages of client rows written by then; %d of %d clients"
                        + " committed after the kill (the seed is one transaction); next start: %s; plan then: %s",
                killAt, written, wholeAfterKill, CLIENTS, r.nextStartSummary(), plan.get("summary")));
        return r;
    }

    /** Heap pages of the {@code client} table: they grow as rows are written, committed or not. */
    private static long pages(TestDatabase db) {
        return Long.parseLong(db.sql("select pg_relation_size('client') / 8192"));
    }

    private static boolean alive(KeycloakProcess kc) {
        assertTrue(kc.isAlive(), "Keycloak exited during the start\n" + kc.logTail());
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
