package io.identitybridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code kc.sh} process of an unpacked stock distribution. Its output goes to a log file, never to the
 * test output, so that nothing the server prints can leak into CI logs.
 */
public final class KeycloakProcess implements AutoCloseable {

    // Benchmarks that import thousands of clients at boot raise it with -Dib.start.timeout.minutes.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("ib.start.timeout.minutes", 5));
    /** A start whose port was taken meanwhile (by anything outside our port locks) is tried again on others. */
    private static final int BIND_ATTEMPTS = 3;
    private static final List<String> BIND_FAILURES = List.of("Port already bound", "Address already in use", "BindException");

    private final Path home;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private final boolean ownPorts;
    private volatile Process process;
    private TestPorts.Lease http;
    private TestPorts.Lease management;
    private int httpPort;
    private int managementPort;
    private int attempt = 1;

    private KeycloakProcess(Path home, List<String> args, Map<String, String> env, Path log) {
        this.home = home;
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
        this.log = log;
        // Only a start gets ports of ours, and only where the caller did not choose them.
        this.ownPorts = !args.isEmpty() && args.get(0).startsWith("start")
                && args.stream().noneMatch(a -> a.startsWith("--http-port") || a.startsWith("--http-management-port"));
    }

    /** Starts {@code kc.sh <args> --http-port=… --http-management-port=…} on ports held for it, without waiting. */
    public static KeycloakProcess launch(Path home, List<String> args, Map<String, String> env, Path log) {
        KeycloakProcess kc = new KeycloakProcess(home, args, env, log);
        kc.spawn();
        return kc;
    }

    private synchronized void spawn() {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(args);
        if (ownPorts) {
            // Held until close(): the suite server, drop-in servers, cluster nodes and a developer's own Keycloak run
            // side by side, and no outgoing connection can take them, since they are outside the ephemeral range.
            http = TestPorts.take();
            management = TestPorts.take();
            httpPort = http.port();
            managementPort = management.port();
            command.add("--http-port=" + httpPort);
            command.add("--http-management-port=" + managementPort);
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            process = pb.start();
        } catch (IOException e) {
            releasePorts();
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code kc.sh <args>} to its end (build, a start that must fail) and returns the exit code. */
    public static int runToEnd(Path home, List<String> args, Map<String, String> env, Path log, Duration timeout) {
        try (KeycloakProcess kc = launch(home, args, env, log)) {
            if (!kc.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("kc.sh " + args + " still running after " + timeout + "\n" + kc.logTail());
            }
            return kc.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the master realm answers, which needs no health option, so a bare drop-in install works too.
     * Fails with the log's tail if the server died.
     */
    public KeycloakProcess awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (ownPorts && attempt < BIND_ATTEMPTS && failedToBind()) {
                    retryOnOtherPorts();
                    continue;
                }
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready\n" + logTail());
            }
            try {
                // Asked each time: a start that failed to bind runs again on other ports.
                URI ready = URI.create(baseUrl() + "/realms/master");
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + "\n" + logTail());
    }

    private boolean failedToBind() {
        String text = log();
        return BIND_FAILURES.stream().anyMatch(text::contains);
    }

    /** Keeps the failed start's log beside the new one, so that a retry stays visible, then starts again. */
    private synchronized void retryOnOtherPorts() {
        try {
            Files.move(log, log.resolveSibling(log.getFileName() + ".bind-failure-" + attempt), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Keycloak could not bind port " + httpPort + " or " + managementPort + " (" + log.getFileName()
                + "), starting it again on others");
        releasePorts();
        attempt++;
        spawn();
    }

    public synchronized String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Health and metrics, when the conf file enables them. */
    public synchronized String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public String logTail() {
        List<String> lines = log().lines().toList();
        return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releasePorts();
    }

    /** SIGKILL, as a crashed or OOM-killed node goes: no shutdown hook, no goodbye to the cluster. */
    public void kill() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            // The JVM is kc.sh's child: wait for it too, so that its ports and database connections are gone on return.
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a process of Keycloak outlived SIGKILL by 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releasePorts();
    }

    /** The kc.sh shell and what it started (the server's JVM), so that a test can check that a kill reached them all. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private synchronized void releasePorts() {
        for (TestPorts.Lease lease : new TestPorts.Lease[] {http, management}) {
            if (lease != null) {
                lease.close();
            }
        }
        http = null;
        management = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
