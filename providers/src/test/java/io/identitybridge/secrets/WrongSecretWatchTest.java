package io.identitybridge.secrets;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WrongSecretWatchTest {

    @Test
    void failuresAreCountedPerClientAndWindow() {
        AtomicLong now = new AtomicLong(1_000_000);
        WrongSecretWatch watch = new WrongSecretWatch(now::get, 3);
        assertEquals(1, watch.failed("creatio", "a"));
        assertEquals(2, watch.failed("creatio", "a"));
        assertEquals(1, watch.failed("creatio", "b"), "each client has its own count");
        assertEquals(1, watch.failed("other", "a"), "and each realm");
        now.addAndGet(WrongSecretWatch.WINDOW_MILLIS - 1);
        assertEquals(3, watch.failed("creatio", "a"), "still the same window");
        now.addAndGet(1);
        assertEquals(1, watch.failed("creatio", "a"), "a new window starts from one");
    }

    @Test
    void theMapOfClientsIsCapped() {
        AtomicLong now = new AtomicLong(0);
        WrongSecretWatch watch = new WrongSecretWatch(now::get, 3);
        for (int i = 0; i < WrongSecretWatch.MAX_CLIENTS; i++) {
            watch.failed("creatio", "client-" + i);
        }
        assertEquals(0, watch.failed("creatio", "one-too-many"), "beyond the cap a client is not tracked");
        assertEquals(2, watch.failed("creatio", "client-7"), "tracked clients still count");
        now.addAndGet(WrongSecretWatch.WINDOW_MILLIS);
        assertEquals(1, watch.failed("creatio", "one-too-many"), "windows that ended make room");
    }
}
