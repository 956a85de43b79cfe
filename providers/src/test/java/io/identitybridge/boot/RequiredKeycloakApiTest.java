package io.identitybridge.boot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredKeycloakApiTest {

    private static final ClassLoader LOADER = RequiredKeycloakApiTest.class.getClassLoader();

    @Test
    void theKeycloakTheJarIsBuiltAgainstHasEverythingTheBundleNeeds() {
        assertEquals(List.of(), RequiredKeycloakApi.missing(LOADER, RequiredKeycloakApi.SPIS, RequiredKeycloakApi.INTERNALS));
    }

    @Test
    void theCheckedSpisAreExactlyThoseTheJarsServicesFilesExtend() throws IOException {
        Path services = Path.of(System.getProperty("ib.top.dir"), "providers/src/main/resources/META-INF/services");
        try (Stream<Path> files = Files.list(services)) {
            Set<String> keycloakSpis = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("org.keycloak.") && !n.equals("org.keycloak.provider.Spi"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(keycloakSpis, new TreeSet<>(RequiredKeycloakApi.SPIS));
        }
    }

    @Test
    void aMissingSpiOrMethodIsNamed() {
        List<String> missing = RequiredKeycloakApi.missing(LOADER, List.of("org.keycloak.services.NoSuchSpiFactory"),
                Map.of("org.keycloak.services.Urls", List.of("realmIssuer", "noSuchMethod")));
        assertEquals(List.of("org.keycloak.services.NoSuchSpiFactory", "org.keycloak.services.Urls#noSuchMethod"), missing);
    }

    @Test
    void aKeycloakWithoutWhatTheBundleNeedsStopsTheStartNamingTheBundleAndTheKeycloakVersion() {
        // A loader that sees no Keycloak class at all stands for a Keycloak that lacks them.
        ClassLoader none = new ClassLoader(null) {
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RequiredKeycloakApi.check(none, "1.0.0", "27.0.0", "26.7", "26.7.0, 26.7.3"));
        assertTrue(e.getMessage().startsWith("Identity Bridge 1.0.0 cannot run on Keycloak 27.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("org.keycloak.services.resource.RealmResourceProviderFactory"), e.getMessage());
        assertTrue(e.getMessage().contains("26.7.x (tested on 26.7.0, 26.7.3)"), e.getMessage());
    }

    @Test
    void theKeycloakTheJarIsBuiltAgainstPassesTheCheck() {
        RequiredKeycloakApi.check(LOADER, "1.0.0", "26.7.0", "26.7", "26.7.0, 26.7.3");
    }
}
