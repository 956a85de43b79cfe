package io.identitybridge.boot;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakLineTest {

    @Test
    void everyPatchOfTheLineIsInIt() {
        assertTrue(KeycloakLine.contains("26.7", "26.7.0"));
        assertTrue(KeycloakLine.contains("26.7", "26.7.3"));
        assertTrue(KeycloakLine.contains("26.7", "26.7.12"));
    }

    @Test
    void anotherMinorOrMajorIsOutsideIt() {
        assertFalse(KeycloakLine.contains("26.7", "26.6.3"));
        assertFalse(KeycloakLine.contains("26.7", "26.8.0"));
        assertFalse(KeycloakLine.contains("26.7", "27.0.0"));
    }

    @Test
    void aLookalikeVersionIsOutsideIt() {
        assertFalse(KeycloakLine.contains("26.7", "26.70.0"));
        assertFalse(KeycloakLine.contains("26.7", "126.7.0"));
        assertFalse(KeycloakLine.contains("26.7", "999.0.0-SNAPSHOT"));
    }

    @Test
    void anUnknownVersionIsOutsideIt() {
        assertFalse(KeycloakLine.contains("26.7", null));
        assertFalse(KeycloakLine.contains("26.7", ""));
        assertFalse(KeycloakLine.contains("", "26.7.3"));
    }

    @Test
    void noWarningInsideTheLine() {
        assertEquals(Optional.empty(), KeycloakLine.warning("1.0.0", "26.7", "26.7.0, 26.7.3", "26.7.3"));
    }

    @Test
    void theWarningNamesTheBundleTheLineTheTestedVersionsAndTheRunningKeycloak() {
        String w = KeycloakLine.warning("1.0.0", "26.7", "26.7.0, 26.7.3", "26.8.1").orElseThrow();
        assertTrue(w.contains("Identity Bridge 1.0.0"), w);
        assertTrue(w.contains("26.7.x"), w);
        assertTrue(w.contains("tested on 26.7.0, 26.7.3"), w);
        assertTrue(w.contains("Keycloak 26.8.1"), w);
    }
}
