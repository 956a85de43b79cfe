package io.identitybridge.creatioapi;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnreachableTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheCausesIsUnreachable() {
        // PostgreSQL's driver: connection refused (08001), I/O error on a broken connection (08006).
        assertTrue(DatabaseUnreachable.is(new RuntimeException("wrapped", new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseUnreachable.is(new IllegalStateException(new RuntimeException(new SQLException("I/O error", "08006")))));
        // The server shutting down (57P01 admin, 57P02 crash) or still starting (57P03), or out of connections (53300).
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertTrue(DatabaseUnreachable.is(new RuntimeException(new SQLException("server", state))), state);
        }
    }

    @Test
    void thePoolGivingUpWaitingIsUnreachable() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        timeout.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, 1)});
        assertTrue(DatabaseUnreachable.is(new RuntimeException(timeout)));
    }

    @Test
    void aConnectionLostInsideTheDriverIsUnreachable() {
        java.io.EOFException eof = new java.io.EOFException();
        eof.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.postgresql.core.PGStream", "receiveChar", null, 1)});
        // Keycloak's ModelException keeps the root cause only: PostgreSQL's 08006 around it is gone.
        assertTrue(DatabaseUnreachable.is(new RuntimeException("Database operation failed", eof)));
    }

    @Test
    void anIoExceptionOutsideAnyDriverIsNotUnreachable() {
        java.io.EOFException eof = new java.io.EOFException();
        eof.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.vertx.core.http.impl.HttpServerRequestImpl", "read", null, 1)});
        assertFalse(DatabaseUnreachable.is(new RuntimeException(eof)));
    }

    @Test
    void aRefusedStatementIsNotUnreachable() {
        // A value too long (22001), a duplicate (23505), a NUL byte (22021), and an SQLException of ours without a state.
        for (String state : new String[] {"22001", "23505", "22021"}) {
            assertFalse(DatabaseUnreachable.is(new RuntimeException(new SQLException("refused", state))), state);
        }
        assertFalse(DatabaseUnreachable.is(new RuntimeException(new SQLException("no state"))));
        assertFalse(DatabaseUnreachable.is(new IllegalStateException("not the database")));
        assertFalse(DatabaseUnreachable.is(null));
    }
}
