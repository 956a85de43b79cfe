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

    @Test
    void seedOptionsAreReadWithTheirDefaults() {
        IdentityBridgeSettings s = IdentityBridgeSettings.parse(Map.of("clients", "[]")::get);
        assertEquals(32, s.secretMinLength());
        assertEquals(IdentityBridgeSettings.OnInvalid.FAIL, s.onInvalid());
        assertTrue(s.hasSeedInput());
        IdentityBridgeSettings t = IdentityBridgeSettings.parse(Map.of("secret-min-length", "16", "on-invalid", "SKIP", "prune", "true")::get);
        assertEquals(16, t.secretMinLength());
        assertEquals(IdentityBridgeSettings.OnInvalid.SKIP, t.onInvalid());
        assertTrue(t.prune());
    }

    @Test
    void resourceSweepIntervalDefaultsToAMinuteAndIsChecked() {
        assertEquals(60, IdentityBridgeSettings.parse(k -> null).resourceSweepSeconds());
        assertEquals(5, IdentityBridgeSettings.parse(Map.of("resource-sweep-interval", "5")::get).resourceSweepSeconds());
        for (String bad : new String[]{"0", "86401", "1m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdentityBridgeSettings.parse(Map.of("resource-sweep-interval", bad)::get));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--spi-identity-bridge--default--resource-sweep-interval"), e.getMessage());
        }
    }

    @Test
    void grantAndRegistrationCapsHaveTheirDefaultsAndAreChecked() {
        IdentityBridgeSettings d = IdentityBridgeSettings.parse(k -> null);
        assertEquals(200, d.maxResourcesPerGrantee());
        assertEquals(1000, d.maxClientsPerRegistrar());
        assertEquals(50, d.maxResourcesPerOwnerAndGrantee());
        assertEquals(4, IdentityBridgeSettings.parse(Map.of("max-resources-per-owner-and-grantee", "4")::get).maxResourcesPerOwnerAndGrantee());
        IdentityBridgeSettings s = IdentityBridgeSettings.parse(Map.of("max-resources-per-grantee", "7", "max-clients-per-registrar", "9")::get);
        assertEquals(7, s.maxResourcesPerGrantee());
        assertEquals(9, s.maxClientsPerRegistrar());
        for (String option : new String[]{"max-resources-per-grantee", "max-clients-per-registrar", "max-resources-per-owner-and-grantee"}) {
            for (String bad : new String[]{"0", "-1", "many", "2000000"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> IdentityBridgeSettings.parse(Map.of(option, bad)::get));
                assertTrue(e.getMessage().contains("--spi-identity-bridge--default--" + option), e.getMessage());
            }
        }
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityBridgeSettings.parse(Map.of(
                "secret-min-length", "lots", "on-invalid", "ignore", "prune", "yes", "clients-file", "/no/such/file.json")::get));
        for (String expected : new String[]{"--spi-identity-bridge--default--secret-min-length 'lots' is not a whole number",
                "--spi-identity-bridge--default--on-invalid 'ignore' must be 'fail' or 'skip'",
                "--spi-identity-bridge--default--prune 'yes' must be 'true' or 'false'",
                "--spi-identity-bridge--default--clients-file '/no/such/file.json' is not a readable file"}) {
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void clientsEmptiedByDollarExpansionIsDetectedFromTheEnvironment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityBridgeSettings.parse(
                k -> null, Map.of("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS", "[{\"ClientId\":\"${X}\"}]")::get));
        assertTrue(e.getMessage().contains("reached Keycloak empty"), e.getMessage());
        assertTrue(e.getMessage().contains("KCRAW_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS"), e.getMessage());
    }

    @Test
    void theClientsValueNeverAppearsInToStringOrErrors() {
        IdentityBridgeSettings s = IdentityBridgeSettings.parse(Map.of("clients", "[{\"Secrets\":[\"hunter2-hunter2\"]}]")::get);
        assertTrue(!s.toString().contains("hunter2"), s.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityBridgeSettings.parse(Map.of(
                "clients", "[{\"Secrets\":[\"hunter2-hunter2\"]}]", "clients-file", "/etc/hostname")::get));
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void privateServerUrisAreRefusedUnlessTheOptionAllowsThem() {
        assertEquals(false, IdentityBridgeSettings.parse(k -> null).registrationAllowsPrivateServerUris());
        assertTrue(IdentityBridgeSettings.parse(Map.of("registration-allow-private-server-uris", "true")::get).registrationAllowsPrivateServerUris());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityBridgeSettings.parse(Map.of("registration-allow-private-server-uris", "yes")::get));
        assertTrue(e.getMessage().contains("--spi-identity-bridge--default--registration-allow-private-server-uris"), e.getMessage());
    }
}
