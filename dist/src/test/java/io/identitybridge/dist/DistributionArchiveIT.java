package io.identitybridge.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's archive holds what the README's install steps copy, under one folder named after the release. */
class DistributionArchiveIT {

    private static final String VERSION = System.getProperty("ib.project.version");
    private static final String TOP = "identity-bridge-" + VERSION + "/";

    @Test
    void archiveHoldsBothJarsTheRealmFileDockerReadmeAndChangelog() throws IOException {
        Set<String> files = files();
        for (String expected : new String[] {
                "providers/identity-bridge-" + VERSION + ".jar",
                "migrate/identity-bridge-migrate-cli-" + VERSION + ".jar",
                "realm-import/creatio-realm.json",
                "docker/Dockerfile", "docker/compose.yaml", "docker/keycloak.conf", "docker/.env.example",
                "README.md", "CHANGELOG.md"}) {
            assertTrue(files.contains(TOP + expected), expected + " missing; the archive holds " + files);
        }
    }

    @Test
    void archiveHoldsNoLocalSecretsAndNothingOutsideItsFolder() throws IOException {
        for (String name : files()) {
            assertTrue(name.startsWith(TOP), name + " is outside " + TOP);
            assertFalse(name.endsWith("/.env"), "a local .env must never ship: " + name);
        }
    }

    @Test
    void archivedJarsAreTheRelease() throws IOException {
        try (ZipFile zip = new ZipFile(archive().toFile())) {
            ZipEntry cli = zip.getEntry(TOP + "migrate/identity-bridge-migrate-cli-" + VERSION + ".jar");
            try (JarInputStream jar = new JarInputStream(zip.getInputStream(cli))) {
                assertNotNull(jar.getManifest(), "the migration command has no manifest");
                assertEquals("io.identitybridge.migrate.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            }
            ZipEntry providers = zip.getEntry(TOP + "providers/identity-bridge-" + VERSION + ".jar");
            try (JarInputStream jar = new JarInputStream(zip.getInputStream(providers))) {
                assertEquals(VERSION, jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
            }
        }
    }

    private static Set<String> files() throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(archive().toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
        }
        return names;
    }

    private static Path archive() {
        String zip = System.getProperty("ib.dist.zip");
        assertNotNull(zip, "run through Maven (mvn verify): ib.dist.zip is not set");
        return Path.of(zip);
    }
}
