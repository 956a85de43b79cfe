package io.identitybridge.it.bench;

import java.time.Duration;
import java.util.List;

/**
 * CPU time of the Keycloak JVM a benchmark started (user + system, from {@code /proc/<pid>/stat} through
 * {@link ProcessHandle.Info#totalCpuDuration}): the one java process among this JVM's descendants, since
 * {@code kc.sh} runs java as its child and a benchmark runs one server at a time. hey is no java process.
 */
public final class ServerCpu {

    private final ProcessHandle jvm;

    private ServerCpu(ProcessHandle jvm) {
        this.jvm = jvm;
    }

    public static ServerCpu ofTheOneServer() {
        List<ProcessHandle> javas = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        if (javas.size() != 1) {
            throw new IllegalStateException("expected one Keycloak JVM below this benchmark, found " + javas.size());
        }
        return new ServerCpu(javas.get(0));
    }

    /** Milliseconds of CPU the server has used since it started. */
    public long millis() {
        return jvm.info().totalCpuDuration().map(Duration::toMillis)
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + jvm.pid() + " (not Linux?)"));
    }

    public long pid() {
        return jvm.pid();
    }
}
