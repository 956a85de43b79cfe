package io.identitybridge.it.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How test servers get their ports: outside the ephemeral range, held until closed, and a failed bind tried again. */
public class KeycloakProcessTest {

    @Test
    public void portsComeFromOutsideTheEphemeralRangeAndAreNeverHandedOutTwiceWhileHeld() {
        int[] ephemeral = TestPorts.ephemeralRange();
        List<TestPorts.Lease> leases = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        try {
            for (int i = 0; i < 50; i++) {
                TestPorts.Lease lease = TestPorts.take();
                leases.add(lease);
                assertTrue(lease.port() < ephemeral[0] || lease.port() > ephemeral[1],
                        lease.port() + " is inside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
                assertTrue(ports.add(lease.port()), lease.port() + " was handed out twice");
            }
        } finally {
            leases.forEach(TestPorts.Lease::close);
        }
    }

    @Test
    public void aStartThatFailsToBindIsStartedAgainOnOtherPorts(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        for (String file : List.of("kc.sh", "Serve.java")) {
            try (InputStream in = getClass().getResourceAsStream("/fake-kc/" + file)) {
                Files.copy(in, home.resolve("bin/" + file));
            }
        }
        Path log = home.resolve("logs/server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (KeycloakProcess kc = KeycloakProcess.launch(home, List.of("start-dev"), Map.of("JAVA_BIN", java), log)) {
            String first = kc.baseUrl();
            kc.awaitReady();
            assertNotEquals(first, kc.baseUrl(), "the second start must use other ports");
            assertEquals(200, Http.get(kc.baseUrl() + "/realms/master", null).status());
            assertTrue(Files.readString(log.resolveSibling("server.log.bind-failure-1")).contains("Port already bound"),
                    "the failed start's log is kept");
        }
    }
}
