package io.identitybridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pom's properties rule the versions, and the places that cannot read them must agree. */
class VersionPinTest {

    /** The distribution the suite runs on and the image is built from. */
    private static final String DIST = System.getProperty("ib.keycloak.version");
    /** The compile API. */
    private static final String BUILT = System.getProperty("ib.keycloak.built.version");
    private static final String RELEASE = System.getProperty("ib.project.version");

    @Test
    void jarReportsTheKeycloakItIsBuiltAgainstAndTheRelease() {
        assertEquals(BUILT, BuildInfo.keycloakVersion());
        assertEquals(RELEASE, BuildInfo.version());
        assertEquals(System.getProperty("ib.keycloak.supported.line"), BuildInfo.supportedLine());
        assertTrue(BuildInfo.testedVersions().contains(DIST), BuildInfo.testedVersions());
    }

    @Test
    void releaseIsNoSnapshot() {
        assertTrue(RELEASE.matches("\\d+\\.\\d+\\.\\d+"), RELEASE);
    }

    @Test
    void dockerfileDefaultsToTheSuitesKeycloak() throws IOException {
        Matcher m = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile());
        assertTrue(m.find(), "docker/Dockerfile has no 'ARG KEYCLOAK_VERSION=' line");
        assertEquals(DIST, m.group(1));
    }

    @Test
    void dockerfileCopiesTheReleasesJar() throws IOException {
        Matcher m = Pattern.compile("(?m)^COPY --from=jar /src/providers/target/(\\S+) ").matcher(dockerfile());
        assertTrue(m.find(), "docker/Dockerfile copies no jar from the jar stage");
        assertEquals("identity-bridge-" + RELEASE + ".jar", m.group(1));
    }

    private static String dockerfile() throws IOException {
        return Files.readString(Path.of(System.getProperty("ib.top.dir"), "docker/Dockerfile"));
    }
}
