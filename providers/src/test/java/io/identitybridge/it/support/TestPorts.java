package io.identitybridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts. They come from outside the kernel's ephemeral range, so that no outgoing
 * connection (a JGroups peer's, an HTTP client's) can take one between the pick and the server's bind, and each is
 * held by a lock file until the server is closed, so that two test JVMs on one machine never pick the same one.
 */
public final class TestPorts {

    private static final Path RANGE_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "identity-bridge-test-ports");
    /** Linux's default range, for a system that does not say. */
    private static final int[] DEFAULT_EPHEMERAL = {32768, 60999};
    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private TestPorts() {
    }

    /** A port held for one server: bindable now, outside the ephemeral range, and not handed to anyone else until closed. */
    public record Lease(int port, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel or the process anyway
            }
            synchronized (HANDED_OUT) {
                HANDED_OUT.remove(port);
            }
        }
    }

    public static Lease take() {
        int[] ephemeral = ephemeralRange();
        int from;
        int to;
        if (ephemeral[0] - LOWEST >= 1_000) {
            from = LOWEST;
            to = ephemeral[0] - 1;
        } else {
            from = ephemeral[1] + 1;
            to = 65_535;
        }
        int span = to - from + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = from + (start + i) % span;
            Lease lease = tryHold(port);
            if (lease != null) {
                return lease;
            }
        }
        throw new IllegalStateException("no free port between " + from + " and " + to);
    }

    /** The kernel's ephemeral range, {@code [low, high]}. */
    public static int[] ephemeralRange() {
        try {
            String[] parts = Files.readString(RANGE_FILE).trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL.clone();
        }
    }

    private static Lease tryHold(int port) {
        synchronized (HANDED_OUT) {
            if (HANDED_OUT.contains(port)) {
                return null;
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(LOCKS);
                channel = FileChannel.open(LOCKS.resolve(port + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null || !bindable(port)) {
                    if (lock != null) {
                        lock.release();
                    }
                    channel.close();
                    return null;
                }
                HANDED_OUT.add(port);
                return new Lease(port, channel, lock);
            } catch (OverlappingFileLockException heldHere) {
                closeQuietly(channel);
                return null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot hold test port " + port + " in " + LOCKS, e);
            }
        }
    }

    /** Free on every address and on loopback, as Keycloak binds its HTTP and management ports. */
    private static boolean bindable(int port) {
        for (InetAddress address : new InetAddress[] {null, InetAddress.getLoopbackAddress()}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
