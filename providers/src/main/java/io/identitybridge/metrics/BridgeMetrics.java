package io.identitybridge.metrics;

import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the bundle counts, for Keycloak's {@code /metrics} on the management port ({@code metrics-enabled=true};
 * without it the registry has no backend and a count costs next to nothing). Labels come from fixed sets
 * ({@link Labels}), never a client id. Recording never fails the caller's request: an error is logged at DEBUG, and a
 * Keycloak without Micrometer turns the meters off.
 */
public final class BridgeMetrics {

    public static final String BOOT = "boot";
    public static final String ADMIN = "admin";
    public static final String APPLIED = "applied";
    public static final String UNCHANGED = "unchanged";
    public static final String INVALID = "invalid";
    public static final String CONFLICT = "conflict";
    public static final String FAILED = "failed";
    public static final String SWEPT = "swept";
    public static final String SKIPPED = "skipped";

    private static final Set<String> SEED_SOURCES = Set.of(BOOT, ADMIN);
    private static final Set<String> SEED_OUTCOMES = Set.of(APPLIED, UNCHANGED, INVALID, CONFLICT, FAILED);
    private static final Set<String> SEED_KINDS = Set.of("client", "scope");
    private static final Set<String> SEED_ACTIONS = Set.of("create", "update", "unchanged", "delete");
    private static final Set<String> SWEEP_OUTCOMES = Set.of(SWEPT, SKIPPED, FAILED);
    private static final Logger LOG = Logger.getLogger(BridgeMetrics.class);
    private static volatile boolean off;

    private BridgeMetrics() {
    }

    /**
     * Registers the meters whose labels are few and fixed at zero, so that a rate is defined before the first event.
     * Idempotent: a node's every boot (and every node) may call it.
     */
    public static void register() {
        record(() -> {
            for (ClientAuthFailure f : ClientAuthFailure.values()) {
                Meters.authFailure(f.label(), 0);
            }
            for (SigningKeyStep s : SigningKeyStep.values()) {
                Meters.signingKeyStep(s.label(), 0);
            }
            SWEEP_OUTCOMES.forEach(o -> Meters.sweepRun(o, 0));
            Meters.sweepRemoved(0);
        });
    }

    /** One Identity Service API call: {@code operation} is the operations table's name (Clients/register), never request text. */
    public static void apiCall(String operation, int status, String error, long nanos) {
        record(() -> Meters.apiCall(operation, Labels.statusClass(status), Labels.apiError(status, error), nanos));
    }

    public static void unservedCall(String method, boolean validToken) {
        record(() -> Meters.unserved(Labels.method(method), validToken ? "valid" : "none"));
    }

    public static void seedRun(String source, String outcome, long nanos) {
        record(() -> Meters.seedRun(oneOf(source, SEED_SOURCES), oneOf(outcome, SEED_OUTCOMES), nanos));
    }

    /** The items of one seeding by the action taken (CREATE, UPDATE, UNCHANGED, DELETE), of one kind (client, scope). */
    public static void seedItems(String source, String kind, Collection<String> actions) {
        record(() -> {
            Map<String, Long> counts = new TreeMap<>();
            actions.forEach(a -> counts.merge(oneOf(a.toLowerCase(Locale.ROOT), SEED_ACTIONS), 1L, Long::sum));
            counts.forEach((action, n) -> Meters.seedItems(oneOf(source, SEED_SOURCES), oneOf(kind, SEED_KINDS), action, n));
        });
    }

    public static void sweepRun(String outcome, long removed) {
        record(() -> {
            Meters.sweepRun(oneOf(outcome, SWEEP_OUTCOMES), 1);
            Meters.sweepRemoved(removed);
        });
    }

    public static void clientAuthFailure(ClientAuthFailure reason) {
        record(() -> Meters.authFailure(reason.label(), 1));
    }

    public static void signingKeyStep(SigningKeyStep step) {
        record(() -> Meters.signingKeyStep(step.label(), 1));
    }

    private static String oneOf(String value, Set<String> allowed) {
        return allowed.contains(value) ? value : Labels.OTHER;
    }

    private static void record(Runnable r) {
        if (off) {
            return;
        }
        try {
            r.run();
        } catch (LinkageError e) {
            off = true;
            LOG.infof("Identity Bridge metrics are off: this Keycloak has no Micrometer (%s)", e.getClass().getName());
        } catch (RuntimeException e) {
            LOG.debugf("Identity Bridge metric not recorded: %s", e.getClass().getName());
        }
    }
}
