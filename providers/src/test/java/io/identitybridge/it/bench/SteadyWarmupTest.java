package io.identitybridge.it.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadyWarmupTest {

    @Test
    void aClimbIsNotSteadyAndAFlatTailIs() {
        assertFalse(SteadyWarmup.steadySide(List.of(1000.0, 1100.0)), "too few chunks");
        assertFalse(SteadyWarmup.steadySide(List.of(1000.0, 1060.0, 1120.0)), "still climbing");
        assertTrue(SteadyWarmup.steadySide(List.of(800.0, 1300.0, 1330.0, 1310.0)), "only the last chunks count");
        assertFalse(SteadyWarmup.steadySide(List.of(0.0, 0.0, 0.0)), "no answers is not steady");
    }

    @Test
    void everySideMustBeSteadyAndTheMinimumIsKept() throws Exception {
        assertFalse(SteadyWarmup.steady(List.of(List.of(1.0, 1.0, 1.0), List.of(1.0, 2.0, 3.0))));
        int[] calls = {0};
        int spent = SteadyWarmup.run("test", List.of(s -> {
            calls[0]++;
            return 1000.0;
        }), 30);
        assertEquals(30, spent);
        assertEquals(6, calls[0]);
    }
}
