package io.identitybridge.seed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How seeding went at this node's last boot, for ServiceInfo: never the input, a client or a secret. */
public final class SeedStatus {

    private static volatile Map<String, Object> last = Map.of("status", "not-run");

    private SeedStatus() {
    }

    /** {@code result} is null when nothing was applied (no input, or an input refused with on-invalid=skip). */
    public static void record(String status, SeedResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("at", Instant.now().toString());
        if (result != null) {
            m.put("created", result.count(SeedReview.Action.CREATE));
            m.put("updated", result.count(SeedReview.Action.UPDATE));
            m.put("unchanged", result.count(SeedReview.Action.UNCHANGED));
            m.put("deleted", result.count(SeedReview.Action.DELETE));
        }
        last = Map.copyOf(m);
    }

    /** {@code status}: succeeded, failed (on-invalid=skip), no-input, or not-run. */
    public static Map<String, Object> last() {
        return last;
    }
}
