package io.identitybridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One Keycloak version everywhere: the pom property rules, and the places that cannot read it must agree. */
class VersionPinTest {

    private static final String PINNED = System.getProperty("ib.keycloak.version");

    @Test
    void jarReportsThePinnedKeycloakVersion() {
        assertEquals(PINNED, BuildInfo.keycloakVersion());
    }

    @Test
    void dockerfileDefaultsToThePinnedVersion() throws IOException {
        String dockerfile = Files.readString(Path.of(System.getProperty("ib.top.dir"), "docker/Dockerfile"));
        Matcher m = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertTrue(m.find(), "docker/Dockerfile has no 'ARG KEYCLOAK_VERSION=' line");
        assertEquals(PINNED, m.group(1));
    }
}
