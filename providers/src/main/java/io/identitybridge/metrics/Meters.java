package io.identitybridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The meters, on Micrometer's global registry, where Keycloak's Quarkus distribution adds its Prometheus registry
 * (as Keycloak's own password-hashing counter does). A builder registers a meter once per name and tags and returns
 * the same one after, so registering again (every call, every session) is harmless. The only class that touches
 * Micrometer: if it is missing, loading this class fails and {@link BridgeMetrics} turns the meters off.
 */
final class Meters {

    static final String API_CALLS = "identity.bridge.api.calls";
    static final String API_DURATION = "identity.bridge.api.call.duration";
    static final String UNSERVED = "identity.bridge.unserved.calls";
    static final String SEED_RUNS = "identity.bridge.seed.runs";
    static final String SEED_DURATION = "identity.bridge.seed.duration";
    static final String SEED_ITEMS = "identity.bridge.seed.items";
    static final String SWEEP_RUNS = "identity.bridge.resource.sweep.runs";
    static final String SWEEP_REMOVED = "identity.bridge.resource.sweep.removed";
    static final String AUTH_FAILURES = "identity.bridge.client.auth.failures";
    static final String SIGNING_KEY_STEPS = "identity.bridge.signing.key.steps";

    /** The API's latency buckets: a call takes milliseconds; a slow database shows in the upper ones. */
    private static final Duration[] API_BUCKETS = {ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
            ms(2500), ms(5000), ms(10000)};

    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;
    private static final Meter.MeterProvider<Counter> API_CALL_COUNTER = Counter.builder(API_CALLS)
            .description("Identity Service API calls by operation, status class and (for a 4xx) error code").withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Timer> API_CALL_TIMER = Timer.builder(API_DURATION)
            .description("Identity Service API call latency by operation and status class")
            .serviceLevelObjectives(API_BUCKETS).withRegistry(REGISTRY);

    private Meters() {
    }

    static void apiCall(String operation, String status, String error, long nanos) {
        API_CALL_COUNTER.withTags("operation", operation, "status", status, "error", error).increment();
        API_CALL_TIMER.withTags("operation", operation, "status", status).record(nanos, TimeUnit.NANOSECONDS);
    }

    static void unserved(String method, String token) {
        counter(UNSERVED, "Requests under the bridge realm that no endpoint served", "method", method, "token", token).increment();
    }

    static void seedRun(String source, String outcome, long nanos) {
        counter(SEED_RUNS, "Seeding runs by source and outcome", "source", source, "outcome", outcome).increment();
        Timer.builder(SEED_DURATION).description("Seeding duration by source").tags("source", source).register(REGISTRY)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    static void seedItems(String source, String kind, String action, long n) {
        counter(SEED_ITEMS, "Clients and scopes of seeding runs by the action taken", "source", source, "kind", kind,
                "action", action).increment(n);
    }

    static void sweepRun(String outcome, long n) {
        counter(SWEEP_RUNS, "Expired-resource sweep runs on this node by outcome", "outcome", outcome).increment(n);
    }

    static void sweepRemoved(long n) {
        counter(SWEEP_REMOVED, "Expired resources the sweep removed").increment(n);
    }

    static void authFailure(String reason, long n) {
        counter(AUTH_FAILURES, "Client authentications our secret authenticator refused, by reason", "reason", reason).increment(n);
    }

    static void signingKeyStep(String step, long n) {
        counter(SIGNING_KEY_STEPS, "Signing-key lifecycle steps by step", "step", step).increment(n);
    }

    private static Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(REGISTRY);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
