package io.identitybridge.it.support;


import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three threads call {@code Clients/register} and one {@code OwnedResources/register} as fast as the node answers; the
 * node is SIGKILLed in the middle of the burst and started again on the same database.
 */
public final class RegisterKill {

    /** Registrations answered 200 before the kill. */
    private static final int BEFORE_KILL = 30;
    /** Seeded clients the resources are granted to in turn (one owner may grant 50 to each). */
    private static final int GRANTEES = 5;

    private final OwnPostgres pg;
    private final FaultServers servers;

    public RegisterKill(OwnPostgres pg, FaultServers servers) {
        this.pg = pg;
        this.servers = servers;
    }

    public record Registered(String clientId, String secret) {
    }

    public record Result(List<String> refused, List<Registered> clients, List<String> resources, boolean killReachedEveryProcess, Map<String, Integer> tokenStatuses,
                  Set<String> resourcesAfter, String withoutServiceAccount, int registeredInDb, int wholeRegisteredInDb) {

        public void assertEvery200Persisted() {
            assertTrue(killReachedEveryProcess, "kc.sh or its JVM outlived SIGKILL");
            assertTrue(clients.size() >= BEFORE_KILL, "only " + clients.size() + " registrations answered 200; refused: " + refused);
            Map<String, Integer> failed = tokenStatuses.entrySet().stream().filter(e -> e.getValue() != 200)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertTrue(failed.isEmpty(), failed.size() + " of " + clients.size() + " clients registered with 200 get no token with their secret: " + failed);
            List<String> lost = resources.stream().filter(n -> !resourcesAfter.contains(n)).toList();
            assertTrue(lost.isEmpty(), lost.size() + " of " + resources.size() + " resources registered with 200 are gone: " + lost);
        }

        public void assertNoClientWithoutServiceAccount() {
            assertEquals("0", withoutServiceAccount, "clients of the realm with service accounts enabled but no service account user");
            assertEquals(registeredInDb, wholeRegisteredInDb, "registered clients missing their service account, secret hash or mapper");
        }
    }

    public Result run(List<String> figures) {
        TestDatabase db = pg.database("ib_faults_register");
        java.nio.file.Path seed = FaultServers.seedFile("register", GRANTEES);
        KeycloakServer kc = servers.start("register-kill-1", db, seed);
        IdsApi api = new IdsApi(kc);
        String token = api.token(FaultServers.REGISTRAR, FaultServers.REGISTRAR_SECRET, "IdentityServerApi add_registrar_client register_own_resource");
        List<Registered> clients = Collections.synchronizedList(new ArrayList<>());
        List<String> resources = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 3; t++) {
            threads.submit(() -> {
                while (!killed.get()) {
                    try {
                        Http.Response r = api.call("Clients/register", token, Map.of("ClientName", "Burst " + UUID.randomUUID()));
                        answered.incrementAndGet();
                        if (r.status() == 200) {
                            JsonNode c = r.json();
                            clients.add(new Registered(c.get("clientId").asText(), c.get("clientSecret").asText()));
                        } else if (!killed.get()) {
                            refused.add(r.status() + " " + r.body());
                        }
                    } catch (RuntimeException noAnswer) {
                        // the node died under this call: it answered nothing, so nothing is promised
                    }
                }
            });
        }
        AtomicInteger next = new AtomicInteger();
        threads.submit(() -> {
            while (!killed.get()) {
                String grantee = FaultServers.seededId(next.getAndIncrement() % GRANTEES);
                String name = "TempAccess_burst_" + UUID.randomUUID().toString().replace("-", "");
                try {
                    if (api.call("OwnedResources/register", token, OwnedResourceBodies.registerBody(name, Instant.now().plus(1, ChronoUnit.DAYS), grantee))
                            .status() == 200) {
                        resources.add(name);
                    }
                } catch (RuntimeException noAnswer) {
                    // as above
                }
            }
        });
        List<ProcessHandle> tree = kc.process().processTree();
        try {
            // Killed as soon as enough calls answered 200, while the threads keep calling; or after two minutes.
            long deadline = System.currentTimeMillis() + 120_000;
            while (clients.size() < BEFORE_KILL && System.currentTimeMillis() < deadline) {
                FaultLoad.pause(20);
            }
        } finally {
            kc.process().kill();
            killed.set(true);
            threads.shutdown();
        }
        try {
            assertTrue(threads.awaitTermination(90, TimeUnit.SECONDS), "callers still waiting 90 s after the kill");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        boolean allDead = tree.stream().noneMatch(ProcessHandle::isAlive);

        KeycloakServer again = servers.start("register-kill-2", db, seed);
        IdsApi after = new IdsApi(again);
        Map<String, Integer> tokens = new java.util.TreeMap<>();
        for (Registered c : List.copyOf(clients)) {
            tokens.put(c.clientId(), after.tokenResponse(c.clientId(), c.secret(), null).status());
        }
        Set<String> resourcesAfter = db.sql("select name from ib_owned_resource").lines().collect(Collectors.toSet());
        String orphans = db.sql("select count(*) from client c join realm r on r.id = c.realm_id where r.name = 'creatio'"
                + " and c.service_accounts_enabled and not exists (select 1 from user_entity u where u.service_account_client_link = c.id)");
        String registeredSql = "select c.client_id from client c join client_attributes a on a.client_id = c.id"
                + " where a.name = 'ib.registered.by' and a.value = '" + FaultServers.REGISTRAR + "'";
        List<String> inDb = db.sql(registeredSql).lines().filter(l -> !l.isBlank()).toList();
        int whole = inDb.stream().mapToInt(id -> FaultServers.wholeClients(db, id)).sum();
        again.close();

        Result r = new Result(refused.stream().limit(3).toList(), List.copyOf(clients), List.copyOf(resources), allDead, tokens, resourcesAfter, orphans, inDb.size(), whole);
        figures.add(String.format("register burst killed: %d calls answered, %d clients and %d resources answered 200 before the SIGKILL;"
                        + " after the restart %d registered clients in the database (each whole), %d clients without a service account",
                answered.get(), clients.size(), resources.size(), inDb.size(), Integer.parseInt(orphans)));
        return r;
    }
}
