package io.identitybridge.seed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How seeding went at this node's last boot, for ServiceInfo: never the input, a client or a secret. */
public final class SeedStatus {

    private static volatile Map<String, Object> last = Map.of("status", "not-run");

    private SeedStatus() {
    }

    static void record(String status, SeedPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("at", Instant.now().toString());
        if (plan != null) {
            m.put("created", plan.count(SeedPlan.Action.CREATE));
            m.put("updated", plan.count(SeedPlan.Action.UPDATE));
            m.put("unchanged", plan.count(SeedPlan.Action.UNCHANGED));
            m.put("deleted", plan.count(SeedPlan.Action.DELETE));
        }
        last = Map.copyOf(m);
    }

    /** {@code status}: succeeded, failed (on-invalid=skip), no-input, or not-run. */
    public static Map<String, Object> last() {
        return last;
    }
}
