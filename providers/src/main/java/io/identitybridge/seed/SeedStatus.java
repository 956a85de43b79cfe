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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("at", Instant.now().toString());
        if (result != null) {
            fields.put("created", result.count(SeedReview.Action.CREATE));
            fields.put("updated", result.count(SeedReview.Action.UPDATE));
            fields.put("unchanged", result.count(SeedReview.Action.UNCHANGED));
            fields.put("deleted", result.count(SeedReview.Action.DELETE));
        }
        last = Map.copyOf(fields);
    }

    /** {@code status}: succeeded, failed (on-invalid=skip), no-input, or not-run. */
    public static Map<String, Object> last() {
        return last;
    }
}
