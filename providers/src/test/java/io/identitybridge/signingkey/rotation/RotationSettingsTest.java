package io.identitybridge.signingkey.rotation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationSettingsTest {

    private static RotationSettings parse(Map<String, String> options) {
        return RotationSettings.parse(options::get);
    }

    @Test
    void rotationIsOffByDefaultWithFourteenDaysOfPropagationAndRetention() {
        RotationSettings s = parse(Map.of());
        assertFalse(s.enabled());
        assertEquals(14 * 86400, s.propagation());
        assertEquals(14 * 86400, s.retention());
        assertNull(s.algorithm());
    }

    @Test
    void theAlgorithmFallsBackToTheCertificatesAndTheRetentionToTheLongestTokenLifetime() {
        RotationSettings s = parse(Map.of("signing-key-rotation", "90d", "signing-key-retention", "1h"));
        RotationPolicy p = s.policy("ES384", 7200);
        assertEquals("ES384", p.algorithm());
        assertEquals(7200, p.retention());
        assertEquals("ES256", parse(Map.of("signing-key-rotation", "90d", "signing-algorithm", "es256")).policy("RS256", 0).algorithm());
    }

    @Test
    void everyWrongValueIsNamedInOneMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(Map.of("signing-key-rotation", "90",
                "signing-key-retention", "1w", "signing-algorithm", "HS256")));
        assertTrue(e.getMessage().contains("--spi-identity-bridge--default--signing-key-rotation '90' has no unit"), e.getMessage());
        assertTrue(e.getMessage().contains("signing-key-retention '1w'"), e.getMessage());
        assertTrue(e.getMessage().contains("signing-algorithm 'HS256' must be one of"), e.getMessage());
    }

    @Test
    void aPropagationLongerThanTheRotationStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(Map.of("signing-key-rotation", "7d", "signing-key-propagation", "14d")));
        assertTrue(e.getMessage().contains("(14d) must not be longer than"), e.getMessage());
    }

    @Test
    void offSpelledOutIsOff() {
        assertFalse(parse(Map.of("signing-key-rotation", "off")).enabled());
    }
}
