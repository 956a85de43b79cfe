package io.identitybridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL instance of a test's own (initdb into a temporary directory, on a port from {@link TestPorts}), so that
 * a fault test may stop and start it without touching the machine's shared cluster. Run as the {@code postgres} OS user
 * when the tests run as root (as CI does): PostgreSQL refuses to run as root.
 */
public final class OwnPostgres implements AutoCloseable {

    public static final String USER = "ib_faults";

    private final Path bin;
    private final Path dir;
    private final String password = KeycloakServer.randomSecret();
    private final TestPorts.Lease port = TestPorts.take();

    private OwnPostgres(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
    }

    /**
     * A new, running instance. Without PostgreSQL's binaries the test is skipped, saying why, except in CI
     * ({@code CI=true}), where that is a failure.
     */
    public static OwnPostgres start() {
        Path bin = binaries();
        if (bin == null) {
            String why = "no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin (apt-get install -y postgresql)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true makes this a failure");
            }
            assumeTrue(false, why);
        }
        try {
            Path dir = Files.createTempDirectory("ib-faults-pg-");
            OwnPostgres pg = new OwnPostgres(bin, dir);
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, pg.password + "\n");
            if (asRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            pg.pg("initdb", "-D", pg.data(), "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale");
            Files.delete(pwfile);
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pg_ctl start}: waits until it accepts connections. */
    public void startServer() {
        // Loopback and a socket in our own directory only; fsync off, since the tests crash the server, never the machine.
        pg("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port.port() + " -k " + dir + " -c listen_addresses=localhost -c fsync=off", "start");
    }

    /**
     * {@code pg_ctl stop -m immediate}: the server quits at once, without a checkpoint and without telling its clients,
     * as after a crash; the next start runs crash recovery.
     */
    public void crash() {
        pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    /** A new, empty database on this instance, for one scenario. */
    public TestDatabase database(String name) {
        TestDatabase postgres = new TestDatabase(url("postgres"), USER, password);
        postgres.sql("create database " + name);
        return new TestDatabase(url(name), USER, password);
    }

    private String url(String db) {
        return "jdbc:postgresql://localhost:" + port.port() + "/" + db;
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException alreadyStopped) {
            // the directory goes anyway
        }
        port.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with initdb, as Debian installs it, or null. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
