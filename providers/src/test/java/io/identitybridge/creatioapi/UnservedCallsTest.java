package io.identitybridge.creatioapi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logged once per method and path, repeats counted, and the map never grows past its cap. */
class UnservedCallsTest {

    @Test
    void theFirstCallOfAMethodAndPathIsLoggedAndRepeatsAreCounted() {
        UnservedCalls calls = new UnservedCalls(10);
        assertTrue(calls.count("POST", "/realms/creatio/x"));
        assertFalse(calls.count("POST", "/realms/creatio/x"));
        assertTrue(calls.count("GET", "/realms/creatio/x"));
        assertEquals(List.of(Map.of("call", "GET /realms/creatio/x", "count", 1L), Map.of("call", "POST /realms/creatio/x", "count", 2L)),
                calls.snapshot().get("calls"));
    }

    @Test
    void pathsBeyondTheCapAreCountedButNeitherKeptNorLogged() {
        UnservedCalls calls = new UnservedCalls(3);
        for (int i = 0; i < 1000; i++) {
            calls.count("POST", "/realms/creatio/p" + i);
        }
        assertEquals(3, ((List<?>) calls.snapshot().get("calls")).size());
        assertEquals(997L, calls.snapshot().get("beyondCap"));
    }

    @Test
    void callsWithoutAValidTokenHaveABudgetOfTheirOwn() {
        assertTrue(UnservedCalls.MAX_PATHS_WITHOUT_TOKEN < UnservedCalls.MAX_PATHS);
        Map<String, Object> report = UnservedCalls.report();
        assertEquals(UnservedCalls.MAX_PATHS, report.get("cap"));
        assertEquals(UnservedCalls.MAX_PATHS_WITHOUT_TOKEN, ((Map<?, ?>) report.get("withoutValidToken")).get("cap"));
    }
}
