package io.identitybridge.creatioapi;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a failure means that the database could not be reached (down, restarting, out of connections) rather than
 * that it refused what the request asked: the first is the server's trouble (503, try again), the second the
 * caller's or a gap in our bounds.
 */
public final class DatabaseUnreachable {

    /** The JDBC drivers of the databases Keycloak supports: an I/O exception thrown inside one is a lost connection. */
    private static final List<String> DRIVER_PACKAGES = List.of("org.postgresql.", "com.microsoft.sqlserver.", "com.mysql.",
            "org.mariadb.", "oracle.jdbc.", "org.h2.");

    private static final Logger LOG = Logger.getLogger(DatabaseUnreachable.class);
    private static final AtomicLong LAST_LOGGED = new AtomicLong(Long.MIN_VALUE);

    private DatabaseUnreachable() {
    }

    /**
     * 503 {@code temporarily_unavailable} with {@code Retry-After}; an outage fails every request, so one WARN line a
     * minute says so (the causes' classes and SQL states, never a message, which might quote a value).
     */
    public static Response answer(Throwable e) {
        long now = System.nanoTime();
        long before = LAST_LOGGED.get();
        if ((before == Long.MIN_VALUE || now - before >= 60_000_000_000L) && LAST_LOGGED.compareAndSet(before, now)) {
            LOG.warnf("The database cannot be reached (%s); answering 503 until it can (logged once a minute)", ApiCall.causes(e));
        }
        return ApiError.unavailable().toResponse();
    }

    /**
     * True for a cause with SQLState class 08 (connection exception), 57P (the server shutting down or not yet
     * accepting connections) or 53 (out of connections or memory), a JDBC connection exception, or the connection
     * pool giving up waiting for a connection (Agroal's SQLException without SQLState), or the connection lost in the
     * middle of a statement: an I/O exception thrown inside a JDBC driver. Keycloak's {@code ModelException} keeps only
     * the root cause, so PostgreSQL's 08006 is gone by then and only its {@code EOFException} remains.
     */
    public static boolean is(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
                    return true;
                }
                if (state == null && fromPool(sql)) {
                    return true;
                }
            }
            if (t instanceof IOException && fromDriver(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromDriver(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String name = frame.getClassName();
            if (DRIVER_PACKAGES.stream().anyMatch(name::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromPool(SQLException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }
}
