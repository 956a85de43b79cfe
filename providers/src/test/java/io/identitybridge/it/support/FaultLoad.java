package io.identitybridge.it.support;


import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A few client threads calling {@code /connect/token} (client_credentials) and the Identity Service API in a loop, as
 * Creatio does, recording every answer with its time and latency. A call that got no answer is recorded with status
 * -1 and the exception's class; the HTTP client gives up after 60 s, so a hang shows as a latency of 60 s.
 */
public final class FaultLoad implements AutoCloseable {

    public record Call(String kind, long atMs, long latencyMs, int status, String body, String retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return kind + " at " + atMs + " ms: " + status + " after " + latencyMs + " ms: " + body.substring(0, Math.min(300, body.length()));
        }
    }

    public static final List<String> KINDS = List.of("token", "Clients/find", "OwnedResources/list", "OwnedResources/register");

    private final IdsApi api;
    private final String clientId;
    private final String secret;
    private final List<String> grantees;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final String apiToken;
    private final long t0 = System.nanoTime();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> registered = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newFixedThreadPool(5);
    private volatile boolean stopped;

    /**
     * Starts the threads: two for tokens, one for each API call; {@code customerId} is the caller's CustomerId, and
     * registered resources are granted to the {@code grantees} in turn (one owner may grant 50 to each).
     */
    public FaultLoad(IdsApi api, String clientId, String secret, String customerId, List<String> grantees) {
        this.api = api;
        this.clientId = clientId;
        this.secret = secret;
        this.grantees = grantees;
        this.apiToken = api.token(clientId, secret, "IdentityServerApi find_clients get_resource_list register_own_resource");
        String customers = "{\"CustomerIds\":[\"" + customerId + "\"]}";
        loop("token", () -> api.tokenResponse(clientId, secret, null));
        loop("token", () -> api.tokenResponse(clientId, secret, null));
        loop("Clients/find", () -> api.call("Clients/find", apiToken, customers));
        loop("OwnedResources/list", () -> api.call("OwnedResources/list", apiToken, customers));
        loop("OwnedResources/register", this::register);
    }

    private Http.Response register() {
        String name = "TempAccess_fault_" + UUID.randomUUID().toString().replace("-", "");
        Http.Response r = api.call("OwnedResources/register", apiToken,
                OwnedResourceBodies.registerBody(name, Instant.now().plus(1, ChronoUnit.DAYS), grantee(next.getAndIncrement())));
        if (r.status() == 200) {
            registered.add(name);
        }
        return r;
    }

    private String grantee(int i) {
        return grantees.get(i % grantees.size());
    }

    private void loop(String kind, Supplier<Http.Response> call) {
        threads.submit(() -> {
            while (!stopped) {
                long start = System.nanoTime();
                Call c;
                try {
                    Http.Response r = call.get();
                    c = new Call(kind, ms(t0, start), ms(start, System.nanoTime()), r.status(), r.body(),
                            r.raw().headers().firstValue("Retry-After").orElse(""));
                } catch (RuntimeException e) {
                    c = new Call(kind, ms(t0, start), ms(start, System.nanoTime()), -1, e.getClass().getName()
                            + (e.getCause() != null ? " <- " + e.getCause().getClass().getName() : ""), "");
                }
                calls.add(c);
                // A pause between calls: the machine has two cores and Keycloak must stay responsive for the test.
                pause(100);
            }
        });
    }

    /** Milliseconds since the load started. */
    public long now() {
        return ms(t0, System.nanoTime());
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Resources whose register call answered 200. */
    public List<String> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /** True when each kind of call has had {@code n} successes in a row since {@code sinceMs}. */
    public boolean allRecovered(long sinceMs, int n) {
        Map<String, List<Call>> byKind = calls().stream().filter(c -> c.atMs() >= sinceMs).collect(Collectors.groupingBy(Call::kind));
        return KINDS.stream().allMatch(k -> {
            List<Call> list = byKind.getOrDefault(k, List.of());
            return list.size() >= n && list.subList(list.size() - n, list.size()).stream().allMatch(Call::ok);
        });
    }

    @Override
    public void close() {
        stopped = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(90, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
    public static void waitFor(String what, long timeoutMs, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.get()) {
            assertTrue(System.currentTimeMillis() < deadline, what + " not within " + timeoutMs + " ms");
            pause(100);
        }
    }
}
