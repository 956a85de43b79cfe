package io.identitybridge.it.bench;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mixed load of {@link LoadMixedBenchmark}: threads that register clients, threads that register, update and
 * delete resources, and threads that ask for tokens, all at once. It remembers what the server confirmed (each
 * registered client and its secret, each live resource with its display name and grantee), and sets aside every name
 * whose call did not answer 200, whose outcome it cannot know. Secrets stay in memory, never printed.
 */
public final class MixedLoad {

    public record Resource(String displayName, String grantee) {
    }

    public final String registrar;
    public final String registrarSecret;
    public final List<String> grantees;
    public final String granteeSecret;
    public final List<String[]> clients = new CopyOnWriteArrayList<>();
    public final Map<String, Resource> resources = new ConcurrentHashMap<>();
    public final Set<String> deleted = ConcurrentHashMap.newKeySet();
    public final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    public final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    public final LongAdder transportErrors = new LongAdder();
    public final List<String> firstFailures = new CopyOnWriteArrayList<>();
    private final IdsApi api;
    private final String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    public MixedLoad(IdsApi api, String registrar, String registrarSecret, List<String> grantees, String granteeSecret) {
        this.api = api;
        this.registrar = registrar;
        this.registrarSecret = registrarSecret;
        this.grantees = grantees;
        this.granteeSecret = granteeSecret;
    }

    /** Runs {@code threads} of each kind until {@code seconds} have passed. */
    public void run(int seconds, int threads) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(new Thread(() -> loop(end, i -> registerClient(id, i))));
            all.add(new Thread(() -> loop(end, i -> writeResources(id, i))));
            all.add(new Thread(() -> loop(end, this::token)));
        }
        all.forEach(Thread::start);
        for (Thread t : all) {
            t.join();
        }
    }

    private void loop(long end, java.util.function.IntConsumer step) {
        for (int i = 0; System.nanoTime() < end; i++) {
            step.accept(i);
        }
    }

    private void registerClient(int thread, int i) {
        String clientId = "load-client-" + thread + "-" + i;
        Http.Response r = call("Clients/register", clientId, () -> api.call("Clients/register", registrarToken(),
                Map.of("ClientId", clientId, "ClientName", "Mixed load " + thread + "-" + i)));
        if (r != null) {
            clients.add(new String[] {clientId, r.json().get("clientSecret").asText()});
        }
    }

    /** Each step registers one resource; every second also renames one, every third also deletes one. */
    private void writeResources(int thread, int i) {
        String name = "LoadRes_" + thread + "_" + i;
        String grantee = grantees.get((thread + i) % grantees.size());
        String body = "{\"ResourceInfo\":{\"Name\":\"%s\",\"DisplayName\":\"Load %d\",\"Properties\":{\"ExpirationDate\":\"%s\",\"Type\":\"TempAccess\"}},\"granteeClientIds\":[\"%s\"]}"
                .formatted(name, i, expires, grantee);
        if (call("OwnedResources/register", name, () -> api.call("OwnedResources/register", registrarToken(), body)) != null) {
            resources.put(name, new Resource("Load " + i, grantee));
        }
        String prefix = "LoadRes_" + thread + "_";
        List<String> mine = resources.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        if (i % 2 == 1 && !mine.isEmpty()) {
            String target = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            String renamed = "Renamed " + i;
            String update = "{\"Name\":\"%s\",\"DisplayName\":\"%s\",\"Properties\":{\"ExpirationDate\":\"%s\",\"Type\":\"TempAccess\"}}"
                    .formatted(target, renamed, expires);
            if (call("OwnedResources/update", target, () -> api.call("OwnedResources/update", registrarToken(), update)) != null) {
                resources.computeIfPresent(target, (k, v) -> new Resource(renamed, v.grantee()));
            }
        }
        if (i % 3 == 2 && !mine.isEmpty()) {
            String target = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            Http.Response r = call("OwnedResources/delete", target, () -> api.call("OwnedResources/delete", registrarToken(),
                    Map.of("Resources", List.of(target))));
            if (r != null && r.json().get("affectedResourceCount").asInt() == 1) {
                resources.remove(target);
                deleted.add(target);
            } else if (r != null) {
                uncertain.add(target);
                firstFailure("OwnedResources/delete of " + target + " affected " + r.body());
            }
        }
    }

    /** Tokens in turn for the registrar, a grantee (every allowed scope) and a client registered during the run. */
    private void token(int i) {
        String[] who = switch (i % 3) {
            case 0 -> new String[] {registrar, registrarSecret};
            case 1 -> new String[] {grantees.get(i % grantees.size()), granteeSecret};
            default -> clients.isEmpty() ? new String[] {registrar, registrarSecret}
                    : clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
        };
        call("token", null, () -> api.tokenResponse(who[0], who[1], null));
    }

    /** The call's answer if it was 200; otherwise counts it, sets its name aside and returns null. */
    private Http.Response call(String kind, String name, java.util.function.Supplier<Http.Response> request) {
        try {
            Http.Response r = request.get();
            statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(r.status(), s -> new LongAdder()).increment();
            if (r.status() == 200) {
                return r;
            }
            firstFailure(kind + " " + name + ": " + r.status() + " " + r.body());
        } catch (RuntimeException | AssertionError e) { // AssertionError: the registrar's token was refused
            transportErrors.increment();
            firstFailure(kind + " " + name + ": " + e);
        }
        if (name != null) {
            uncertain.add(name);
        }
        return null;
    }

    private void firstFailure(String text) {
        if (firstFailures.size() < 10) {
            firstFailures.add(text.length() > 300 ? text.substring(0, 300) : text);
        }
    }

    private volatile String token;
    private volatile long tokenAt;

    /** The registrar's token with every API scope, renewed every 30 s. */
    private String registrarToken() {
        if (token == null || System.currentTimeMillis() - tokenAt > 30_000) {
            synchronized (this) {
                if (token == null || System.currentTimeMillis() - tokenAt > 30_000) {
                    token = api.token(registrar, registrarSecret, String.join(" ", CreatioScopes.ALL));
                    tokenAt = System.currentTimeMillis();
                }
            }
        }
        return token;
    }

    /** Answers per kind and status, for the report. */
    public Map<String, Map<Integer, Long>> counts() {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        statuses.forEach((kind, byStatus) -> byStatus.forEach((s, n) -> out.computeIfAbsent(kind, k -> new TreeMap<>()).put(s, n.sum())));
        return out;
    }
}
