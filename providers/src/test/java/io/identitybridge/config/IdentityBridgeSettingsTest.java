package io.identitybridge.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityBridgeSettingsTest {

    @Test
    void unsetRealmDefaultsToCreatio() {
        assertEquals("creatio", IdentityBridgeSettings.parse(k -> null).realm());
    }

    @Test
    void realmIsTakenAsGiven() {
        assertEquals("crm-prod", IdentityBridgeSettings.parse(Map.of("realm", "crm-prod")::get).realm());
    }

    @Test
    void blankRealmIsRejectedNamingTheCliOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityBridgeSettings.parse(Map.of("realm", "  ")::get));
        assertTrue(e.getMessage().contains("--spi-identity-bridge--default--realm is empty"), e.getMessage());
    }

    @Test
    void paddedRealmIsRejectedRatherThanSilentlyTrimmed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityBridgeSettings.parse(Map.of("realm", "creatio ")::get));
        assertTrue(e.getMessage().contains("leading or trailing spaces"), e.getMessage());
    }
}
