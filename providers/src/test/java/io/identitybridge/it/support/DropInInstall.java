package io.identitybridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A freshly unpacked stock Keycloak with only what the README's "install into an existing Keycloak" section says:
 * our jar in {@code providers/}, the realm file in {@code data/import/}, then {@code kc.sh build}.
 * No conf file of ours: a user's Keycloak has its own.
 */
public final class DropInInstall {

    private static DropInInstall shared;

    private final Path home;

    private DropInInstall(Path home) {
        this.home = home;
    }

    /** Unpacked and built once per suite; the classes that use it start it one at a time. */
    public static synchronized DropInInstall shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static DropInInstall create() {
        return create("drop-in", List.of("build"));
    }

    /** A separate install under {@code it-work/<name>}, built with the given {@code kc.sh build} arguments. */
    public static DropInInstall create(String name, List<String> buildArgs) {
        return create(name, Path.of(Install.required("ib.keycloak.zip")), buildArgs);
    }

    /** The same into the distribution {@code zip}: another Keycloak version than the suite's. */
    public static DropInInstall create(String name, Path zip, List<String> buildArgs) {
        Path root = Install.workDir().resolve(name);
        try {
            Install.deleteTree(root);
            Path home = unzip(zip, root);
            Files.copy(Install.providerJar(), home.resolve("providers").resolve(Install.providerJar().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(Install.topDir().resolve("realm-import/creatio-realm.json"), home.resolve("data/import/creatio-realm.json"));
            int exit = KeycloakProcess.runToEnd(home, buildArgs, Map.of(), root.resolve("build.log"), Duration.ofMinutes(5));
            if (exit != 0) {
                throw new IllegalStateException("kc.sh build failed with " + exit + ", see " + root.resolve("build.log"));
            }
            return new DropInInstall(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, untouched distribution under {@code it-work/<name>}: no jar, no conf, no build; returns its home. */
    public static Path unpacked(String name) throws IOException {
        Path root = Install.workDir().resolve(name);
        Install.deleteTree(root);
        return unzip(Path.of(Install.required("ib.keycloak.zip")), root);
    }

    public Path home() {
        return home;
    }

    /** The production start a user would run after {@code kc.sh build}, over plain HTTP on localhost. */
    public static List<String> startArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("start", "--optimized", "--import-realm",
                "--http-enabled=true", "--hostname-strict=false"));
        args.addAll(List.of(extra));
        return args;
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target: " + e.getName());
                }
                if (top == null) {
                    top = target.resolve(target.relativize(out).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(in, out);
                }
            }
        }
        return top;
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
