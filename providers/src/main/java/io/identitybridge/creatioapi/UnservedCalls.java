package io.identitybridge.creatioapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests that no endpoint served, per method and path, on this node. Only the first of each is logged; the
 * map is capped, so that a caller walking random paths cannot grow it without bound (beyond the cap, calls are only
 * counted as "other"). Calls without a valid bearer token have a budget of their own, so that anonymous junk never
 * uses up the paths a real caller's unknown call needs to be logged.
 */
public final class UnservedCalls {

    public static final int MAX_PATHS = 500;
    public static final int MAX_PATHS_WITHOUT_TOKEN = 100;
    /** Calls with a bearer token that Keycloak verified for the realm. */
    public static final UnservedCalls NODE = new UnservedCalls(MAX_PATHS);
    /** Calls without a valid bearer token. */
    public static final UnservedCalls WITHOUT_TOKEN = new UnservedCalls(MAX_PATHS_WITHOUT_TOKEN);

    private final int max;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong other = new AtomicLong();

    UnservedCalls(int max) {
        this.max = max;
    }

    /** Counts one call; true when it is the first of its method and path (and the caller should log it). */
    public boolean count(String method, String path) {
        String key = method + " " + path;
        AtomicLong n = counts.get(key);
        if (n == null) {
            if (counts.size() >= max) {
                other.incrementAndGet();
                return false;
            }
            n = counts.computeIfAbsent(key, k -> new AtomicLong());
        }
        return n.incrementAndGet() == 1;
    }

    /** {"call": "POST /realms/x/y", "count": n} per path, sorted, and the calls beyond the cap. */
    public Map<String, Object> snapshot() {
        List<Map<String, Object>> calls = new ArrayList<>();
        new TreeMap<>(counts).forEach((k, v) -> calls.add(Map.of("call", k, "count", v.get())));
        return Map.of("calls", calls, "beyondCap", other.get(), "cap", max);
    }

    /** What ServiceInfo shows: the calls with a valid token, and those without under "withoutValidToken". */
    public static Map<String, Object> report() {
        Map<String, Object> m = new LinkedHashMap<>(new TreeMap<>(NODE.snapshot()));
        m.put("withoutValidToken", new TreeMap<>(WITHOUT_TOKEN.snapshot()));
        return m;
    }
}
