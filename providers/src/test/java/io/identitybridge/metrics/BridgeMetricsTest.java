package io.identitybridge.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters on a real Micrometer registry, as Keycloak's Prometheus registry gets them from the global one. */
class BridgeMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void attach() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void detach() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void registeringTwiceKeepsOneMeterPerNameAndLabels() {
        BridgeMetrics.register();
        int meters = registry.getMeters().size();
        BridgeMetrics.register();
        assertEquals(meters, registry.getMeters().size());
        assertEquals(ClientAuthFailure.values().length, registry.find(Meters.AUTH_FAILURES).counters().size());
        assertEquals(SigningKeyStep.values().length, registry.find(Meters.SIGNING_KEY_STEPS).counters().size());
    }

    /** Prometheus needs one set of label names per metric name, whatever the values. */
    @Test
    void everyMeterOfANameHasTheSameLabelNames() {
        BridgeMetrics.register();
        BridgeMetrics.apiCall("Clients/register", 200, null, 1_000_000);
        BridgeMetrics.apiCall("Clients/register", 400, "invalid_request", 1_000_000);
        BridgeMetrics.apiCall("ServiceInfo", 401, "invalid_token", 1_000_000);
        BridgeMetrics.unservedCall("PROPFIND", false);
        BridgeMetrics.unservedCall("post", true);
        BridgeMetrics.seedRun(BridgeMetrics.ADMIN, BridgeMetrics.APPLIED, 5_000_000);
        BridgeMetrics.seedRun("somewhere", "odd", 5_000_000);
        BridgeMetrics.seedItems(BridgeMetrics.ADMIN, "client", List.of("CREATE", "CREATE", "UNCHANGED", "SOMETHING"));
        BridgeMetrics.sweepRun(BridgeMetrics.SWEPT, 3);
        BridgeMetrics.clientAuthFailure(ClientAuthFailure.WRONG_SECRET);
        BridgeMetrics.signingKeyStep(SigningKeyStep.INSTALLED);
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            keys.computeIfAbsent(m.getId().getName(), k -> new TreeSet<>())
                    .add(m.getId().getTags().stream().map(t -> t.getKey()).sorted().collect(Collectors.joining(",")));
        }
        keys.forEach((name, sets) -> assertEquals(1, sets.size(), name + " has label sets " + sets));
    }

    @Test
    void labelsStayInTheirSets() {
        BridgeMetrics.apiCall("Clients/find", 400, "whatever the caller wrote", 1);
        BridgeMetrics.unservedCall("BREW", true);
        BridgeMetrics.seedItems(BridgeMetrics.BOOT, "client", List.of("CREATE", "CREATE", "DELETE"));
        assertEquals(1.0, registry.get(Meters.API_CALLS).tags("operation", "Clients/find", "status", "4xx", "error", "other").counter().count());
        assertEquals(1.0, registry.get(Meters.UNSERVED).tags("method", "other", "token", "valid").counter().count());
        assertEquals(2.0, registry.get(Meters.SEED_ITEMS).tags("source", "boot", "kind", "client", "action", "create").counter().count());
        assertEquals(1.0, registry.get(Meters.SEED_ITEMS).tags("source", "boot", "kind", "client", "action", "delete").counter().count());
        assertTrue(registry.find(Meters.API_DURATION).timers().stream().allMatch(t -> t.getId().getTag("error") == null));
    }
}
