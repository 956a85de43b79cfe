package io.identitybridge.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong realm file or server option must stop the start with Keycloak's own message; our jar must not
 * swallow, reword or hide it. Runs on the drop-in install, one start at a time.
 */
class StartupFailureIT {

    private static final Duration LIMIT = Duration.ofMinutes(4);

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
        String log = failingStart(DropInInstall.startArgs("--http-port=notaport"), "bad-option.log");
        assertTrue(log.contains("Invalid value for option '--http-port'"), log);
    }

    @Test
    void invalidIdentityBridgeOptionFailsNamingTheOption() {
        String log = failingStart(DropInInstall.startArgs("--spi-identity-bridge--default--realm= creatio"), "bad-ib-option.log");
        assertTrue(log.contains("Invalid Identity Bridge configuration: --spi-identity-bridge--default--realm has leading or trailing spaces"), log);
    }

    private static String startWithExtraRealmFile(String name, String content) throws IOException {
        Path file = DropInInstall.shared().home().resolve("data/import").resolve(name);
        Files.writeString(file, content);
        try {
            return failingStart(DropInInstall.startArgs(), name + ".log");
        } finally {
            Files.delete(file);
        }
    }

    private static String failingStart(List<String> args, String logName) {
        Path home = DropInInstall.shared().home();
        Path log = Install.workDir().resolve("drop-in").resolve(logName);
        int exit = KeycloakProcess.runToEnd(home, args, Map.of(), log, LIMIT);
        assertNotEquals(0, exit, "Keycloak started although its input was wrong");
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
