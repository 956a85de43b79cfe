package io.identitybridge.it;

import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.TestDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A wrong realm file or server option must stop the start with Keycloak's own message; our jar must not
 * swallow, reword or hide it. Runs on the drop-in install, one start at a time.
 */
class StartupFailureIT {

    private static final Duration LIMIT = Duration.ofMinutes(4);

    /** These starts use the drop-in install's own dev database whatever the suite runs on: once, in the H2 pass. */
    @BeforeAll
    static void onceInTheH2Pass() {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass");
    }

    @Test
    void malformedRealmFileFailsTheStartWithKeycloaksParseError() throws IOException {
        String log = startWithExtraRealmFile("zz-malformed.json", "{\"realm\": \"broken\", \"enabled\": tru");
        assertTrue(log.contains("Failed to run import"), log);
        assertTrue(log.contains("Unrecognized token 'tru'"), log);
    }

    @Test
    void wronglyTypedRealmSettingFailsTheStartNamingTheField() throws IOException {
        String log = startWithExtraRealmFile("zz-mistyped.json", "{\"realm\": \"mistyped\", \"accessTokenLifespan\": \"one hour\"}");
        assertTrue(log.contains("Failed to run import"), log);
        assertTrue(log.contains("accessTokenLifespan"), log);
    }

    @Test
    void invalidKeycloakOptionFailsWithKeycloaksMessage() {
        String log = failingStart(DropInInstall.startArgs("--http-port=notaport"), Map.of(), "bad-option.log");
        assertTrue(log.contains("Invalid value for option '--http-port'"), log);
    }

    @Test
    void invalidIdentityBridgeOptionFailsNamingTheOption() {
        String log = failingStart(DropInInstall.startArgs("--spi-identity-bridge--default--realm= creatio"), Map.of(), "bad-ib-option.log");
        assertTrue(log.contains("Invalid Identity Bridge configuration: --spi-identity-bridge--default--realm has leading or trailing spaces"), log);
    }

    @Test
    void invalidSeedInputStopsTheStartListingEveryProblemWithoutSecrets() {
        String log = failingStart(DropInInstall.startArgs(), Map.of(
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/03_invalid.json").toString()), "seed-invalid.log");
        assertTrue(log.contains("Identity Bridge client seed input is invalid"), log);
        for (String expected : List.of("client #0 ClientId is missing", "unknown grant type 'teleport'", "contains a wildcard",
                "Colour is not a known client property", "on-invalid=fail")) {
            assertTrue(log.contains(expected), "missing '" + expected + "'");
        }
        assertFalse(log.contains("too-short-it-secret"), "a secret reached the log");
        assertFalse(log.contains("it-only-secret-0123456789"), "a secret reached the log");
    }

    @Test
    void skipModeStartsAndLeavesTheRealmAlone() {
        DropInInstall install = DropInInstall.shared();
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), Map.of(
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/03_invalid.json").toString(),
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__ON_INVALID", "skip"), Install.workDir().resolve("drop-in/seed-skip.log")).awaitReady()) {
            assertTrue(kc.log().contains("on-invalid=skip: nothing was changed"), kc.logTail());
            Http.Response r = Http.postForm(kc.baseUrl() + "/realms/creatio/protocol/openid-connect/token",
                    Http.form("grant_type", "client_credentials"), "short", "it-only-secret-0123456789abcdefghijklmnop");
            assertEquals(401, r.status());
        }
    }

    @Test
    void clientsEmptiedByKeycloaksDollarExpansionIsAStartupError() {
        String log = failingStart(DropInInstall.startArgs(), Map.of(
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS", "[{\"ClientId\":\"${NOT_SET_ANYWHERE}\"}]"), "seed-dollar.log");
        assertTrue(log.contains("--spi-identity-bridge--default--clients is set in KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS"
                + " but reached Keycloak empty"), log);
        assertTrue(log.contains("KCRAW_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS"), log);
    }

    @Test
    void creatioStringWithDollarSignsArrivesIntactThroughKcraw() {
        String secret = "it-only-$ecret-${not-a-var}-0123456789abcdef";
        String creatio = Fixtures.text("seed/00_create.json").strip().replace("it-only-secret-0123456789abcdefghijklmnop", secret);
        DropInInstall install = DropInInstall.shared();
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(),
                Map.of("KCRAW_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS", creatio), Install.workDir().resolve("drop-in/seed-kcraw.log")).awaitReady()) {
            Http.Response r = Http.postForm(kc.baseUrl() + "/realms/creatio/protocol/openid-connect/token",
                    Http.form("grant_type", "client_credentials", "scope", "find_clients"), "CreatioSystemClient01", secret);
            assertEquals(200, r.status(), kc.logTail());
        }
    }

    private static String startWithExtraRealmFile(String name, String content) throws IOException {
        Path file = DropInInstall.shared().home().resolve("data/import").resolve(name);
        Files.writeString(file, content);
        try {
            return failingStart(DropInInstall.startArgs(), Map.of(), name + ".log");
        } finally {
            Files.delete(file);
        }
    }

    private static String failingStart(List<String> args, Map<String, String> env, String logName) {
        Path home = DropInInstall.shared().home();
        Path log = Install.workDir().resolve("drop-in").resolve(logName);
        int exit = KeycloakProcess.runToEnd(home, args, env, log, LIMIT);
        assertNotEquals(0, exit, "Keycloak started although its input was wrong");
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
