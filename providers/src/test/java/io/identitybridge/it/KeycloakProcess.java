package io.identitybridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private KeycloakProcess(Process process, Path log, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts {@code kc.sh <args> --http-port=… --http-management-port=…} on free ports, without waiting. */
    public static KeycloakProcess launch(Path home, List<String> args, Map<String, String> env, Path log) {
        int http = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(args);
        // Free ports let the suite server, a drop-in server and a developer's own Keycloak run side by side.
        boolean starts = !args.isEmpty() && args.get(0).startsWith("start");
        if (starts && args.stream().noneMatch(a -> a.startsWith("--http-port"))) {
            command.add("--http-port=" + http);
        }
        if (starts && args.stream().noneMatch(a -> a.startsWith("--http-management-port"))) {
            command.add("--http-management-port=" + management);
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            return new KeycloakProcess(pb.start(), log, http, management);
        } catch (IOException e) {
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
        URI ready = URI.create(baseUrl() + "/realms/master");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready\n" + logTail());
            }
            try {
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

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Health and metrics, when the conf file enables them. */
    public String managementUrl() {
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
    }

    /** SIGKILL, as a crashed or OOM-killed node goes: no shutdown hook, no goodbye to the cluster. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
