package io.identitybridge.creatioapi;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.dialect.lock.LockingStrategyException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure is a transient conflict between concurrent transactions (a deadlock, a serialization failure, a
 * row lock not granted in time) rather than a refusal of what the request asked: nothing is wrong with the request,
 * and the same call in a new transaction may well succeed. Never the caller's 400, never a 500.
 */
public final class WriteConflict {

    private static final Logger LOG = Logger.getLogger(WriteConflict.class);

    /**
     * 40001 serialization failure (PostgreSQL; H2's deadlock), 40P01 PostgreSQL's deadlock, 55P03 PostgreSQL's lock
     * not available (lock_timeout), HYT00 H2's lock timeout, 90131 H2's concurrent update of the same row.
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");
    /**
     * H2's MVStore codes (DataUtils): a row locked by another transaction beyond the lock timeout (101), a deadlock
     * (105). Keycloak's ModelException keeps only the root cause, and for H2 that is this, not the SQLException.
     */
    private static final Set<Integer> MVSTORE_CODES = Set.of(101, 105);
    private static final String MVSTORE_EXCEPTION = "org.h2.mvstore.MVStoreException";

    private WriteConflict() {
    }

    /** True when the cause chain holds such a conflict, as the driver, Hibernate or JPA reports it. */
    public static boolean is(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof StaleStateException || t instanceof LockAcquisitionException || t instanceof LockingStrategyException) {
                return true;
            }
            if (t instanceof SQLException sql && (conflictState(sql) || conflictState(sql.getNextException()))) {
                return true;
            }
            Integer code = mvStoreCode(t);
            if (code != null && MVSTORE_CODES.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** The call conflicted again in its retry: 409 {@code write_conflict}, try again; one WARN line names the cause. */
    public static Response answer(String operation, Throwable e) {
        LOG.warnf("Identity Service API %s conflicted with a concurrent write twice (%s); answered 409 write_conflict, nothing was changed",
                operation, ApiCall.causes(e));
        return ApiError.writeConflict().toResponse();
    }

    /** The call conflicted, was retried once in a new transaction and succeeded: one line says so. */
    public static void retried(String operation, Throwable first) {
        LOG.infof("Identity Service API %s conflicted with a concurrent write (%s); retried once in a new transaction, which succeeded",
                operation, ApiCall.causes(first));
    }

    private static boolean conflictState(SQLException e) {
        return e != null && e.getSQLState() != null && STATES.contains(e.getSQLState());
    }

    /** H2's MVStore error code of the exception, or null for any other. */
    static Integer mvStoreCode(Throwable t) {
        if (!MVSTORE_EXCEPTION.equals(t.getClass().getName())) {
            return null;
        }
        try { // H2 is Keycloak's dev database, not on our class path: its public getErrorCode(), by name
            Method code = t.getClass().getMethod("getErrorCode");
            return code.invoke(t) instanceof Integer i ? i : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
