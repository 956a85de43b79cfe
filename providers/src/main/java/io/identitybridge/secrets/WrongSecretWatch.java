package io.identitybridge.secrets;

import io.identitybridge.vocabulary.LogText;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Makes a loop of wrong secrets against one client visible: Keycloak's brute-force protection covers users, not
 * clients, and one CLIENT_LOGIN_ERROR event per attempt drowns in a busy log. Per node and per client, the failures of
 * a one-minute window are counted, and the window that reaches the threshold logs one WARN naming the client and the
 * count (and the next window one more, while the loop goes on). It never locks a client out: an attacker could lock
 * out Creatio's own system client. The map holds only clients that exist (the lookup came first) and is capped.
 */
final class WrongSecretWatch {

    static final long WINDOW_MILLIS = 60_000;
    static final int WARN_AFTER = 20;
    static final int MAX_CLIENTS = 10_000;
    private static final Logger LOG = Logger.getLogger(WrongSecretWatch.class);

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final int warnAfter;

    WrongSecretWatch(LongSupplier clock, int warnAfter) {
        this.clock = clock;
        this.warnAfter = warnAfter;
    }

    /** One wrong secret for {@code clientId} of {@code realm}; returns the count of the current window. */
    int failed(String realm, String clientId) {
        long now = clock.getAsLong();
        String key = realm + '\n' + clientId;
        if (windows.size() >= MAX_CLIENTS && !windows.containsKey(key)) {
            windows.values().removeIf(w -> w.over(now));
            if (windows.size() >= MAX_CLIENTS) {
                return 0; // counted by Keycloak's events still; never an unbounded map
            }
        }
        Window window = windows.compute(key, (k, w) -> w == null || w.over(now) ? new Window(now) : w);
        int count = window.add();
        if (count == warnAfter) {
            LOG.warnf("Client '%s' of realm '%s': %d wrong secrets within %d s on this node. Keycloak never locks a client out;"
                            + " rate-limit the token endpoint per client_id at the reverse proxy (README: Repeated bad client secrets)",
                    LogText.escape(clientId, 255), LogText.escape(realm, 255), count, WINDOW_MILLIS / 1000);
        }
        return count;
    }

    private static final class Window {
        private final long start;
        private int count;

        Window(long start) {
            this.start = start;
        }

        boolean over(long now) {
            return now - start >= WINDOW_MILLIS;
        }

        synchronized int add() {
            return ++count;
        }
    }
}
