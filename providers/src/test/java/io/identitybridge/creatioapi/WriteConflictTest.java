package io.identitybridge.creatioapi;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.h2.mvstore.MVStoreException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;
import org.keycloak.models.ModelIllegalStateException;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteConflictTest {

    @Test
    void h2sLockTimeoutAndDeadlockAreConflictsEvenAsKeycloaksBareRootCause() {
        // What the mixed load logged: ModelException <- MVStoreException (Keycloak keeps only the root cause).
        assertTrue(WriteConflict.is(new ModelException("Database operation failed", new MVStoreException(101, "locked"))));
        assertTrue(WriteConflict.is(new ModelException("Database operation failed", new MVStoreException(105, "deadlock"))));
        // The same as H2's JDBC layer reports it: lock timeout HYT00, deadlock 40001, concurrent update 90131.
        for (String state : new String[] {"HYT00", "40001", "90131"}) {
            assertTrue(WriteConflict.is(new RuntimeException(new SQLException("h2", state))), state);
        }
        assertFalse(WriteConflict.is(new ModelException("Database operation failed", new MVStoreException(2, "writing failed"))));
    }

    @Test
    void postgresqlsSerializationFailureDeadlockAndLockTimeoutAreConflicts() {
        for (String state : new String[] {"40001", "40P01", "55P03"}) {
            assertTrue(WriteConflict.is(new ModelException("Database operation failed", new SQLException("pg", state))), state);
        }
        SQLException batch = new SQLException("batch", "HY000");
        batch.setNextException(new SQLException("deadlock", "40P01"));
        assertTrue(WriteConflict.is(new RuntimeException(batch)));
    }

    @Test
    void whatHibernateAndJpaWrapAConflictInIsAConflict() {
        assertTrue(WriteConflict.is(new ModelIllegalStateException("Database operation failed", new OptimisticLockException("stale"))));
        assertTrue(WriteConflict.is(new PessimisticLockException("locked")));
        assertTrue(WriteConflict.is(new LockTimeoutException("timeout")));
        assertTrue(WriteConflict.is(new RuntimeException(new StaleObjectStateException("Entity", "id"))));
        assertTrue(WriteConflict.is(new LockAcquisitionException("lock", new SQLException("no state"))));
    }

    @Test
    void aRefusedStatementOrAnUnreachableDatabaseIsNoConflict() {
        // A value too long, a duplicate, a NUL byte; the connection lost; a constraint violation inside a rollback class.
        for (String state : new String[] {"22001", "23505", "22021", "08006", "40002"}) {
            assertFalse(WriteConflict.is(new RuntimeException(new SQLException("refused", state))), state);
        }
        assertFalse(WriteConflict.is(new RuntimeException(new SQLException("no state"))));
        assertFalse(WriteConflict.is(ApiError.badRequest("the caller's")));
        assertFalse(WriteConflict.is(null));
    }

    @Test
    void theLogLineNamesTheConflictsCauseWithoutItsMessage() {
        String causes = ApiCall.causes(new ModelException("x", new MVStoreException(101, "key 'secret-value'")));
        assertEquals("org.keycloak.models.ModelException <- org.h2.mvstore.MVStoreException (code 101)", causes);
    }
}
