package io.identitybridge.signingkey.rotation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @Test
    void everyUnitIsReadAsSeconds() {
        assertEquals(60, Durations.seconds("60s"));
        assertEquals(900, Durations.seconds("15m"));
        assertEquals(7200, Durations.seconds(" 2H "));
        assertEquals(90L * 86400, Durations.seconds("90d"));
    }

    @Test
    void aNumberWithoutUnitOrWithSignsSpacesOrFractionsIsRefused() {
        for (String bad : new String[]{"90", "d", "", "-1d", "+1d", "1.5d", "1 d", "1w", "0s", "99999999999d", "３d", null}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.seconds(bad), String.valueOf(bad));
        }
    }

    @Test
    void theLongestSpellingIsTenYears() {
        assertEquals(3650L * 86400, Durations.seconds("3650d"));
        assertThrows(IllegalArgumentException.class, () -> Durations.seconds("3651d"));
    }

    @Test
    void textIsTheShortestExactSpelling() {
        assertEquals("90d", Durations.text(90L * 86400));
        assertEquals("36h", Durations.text(36 * 3600));
        assertEquals("90s", Durations.text(90));
        assertEquals("15m", Durations.text(900));
    }
}
