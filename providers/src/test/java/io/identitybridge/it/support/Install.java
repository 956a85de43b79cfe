package io.identitybridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lays our bundle into an unpacked Keycloak exactly as the README tells a user to:
 * the jar into {@code providers/}, the conf file into {@code conf/}, the realm files into {@code data/import/}.
 */
public final class Install {

    private Install() {
    }

    public static Path topDir() {
        return Path.of(required("ib.top.dir")).toAbsolutePath().normalize();
    }

    public static Path providerJar() {
        return Path.of(required("ib.provider.jar"));
    }

    public static Path workDir() {
        return Path.of(required("ib.work.dir"));
    }

    public static String projectVersion() {
        return required("ib.project.version");
    }

    /** Copies jar, conf and realm files into {@code home} and forgets any database a previous run left. */
    public static void bundleInto(Path home) {
        try {
            Path jar = providerJar();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("provider jar not built: " + jar);
            }
            Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(topDir().resolve("docker/keycloak.conf"), home.resolve("conf/keycloak.conf"), StandardCopyOption.REPLACE_EXISTING);
            Path importDir = home.resolve("data/import");
            deleteTree(importDir);
            Files.createDirectories(importDir);
            try (Stream<Path> realms = Files.list(topDir().resolve("realm-import"))) {
                for (Path realm : realms.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.copy(realm, importDir.resolve(realm.getFileName()));
                }
            }
            deleteTree(home.resolve("data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the bundle into " + home, e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven (mvn verify)");
        }
        return value;
    }
}
