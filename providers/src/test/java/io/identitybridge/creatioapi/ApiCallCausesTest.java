package io.identitybridge.creatioapi;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cause chain ApiCall logs for an unexpected refusal: class names and SQL states, never a message. */
class ApiCallCausesTest {

    private static final String SECRET = "s3cret-value";

    @Test
    void theChainIsEachClassFromTheOutermostDown() {
        RuntimeException e = new IllegalStateException(SECRET, new IllegalArgumentException(SECRET, new ArithmeticException(SECRET)));
        assertEquals("java.lang.IllegalStateException <- java.lang.IllegalArgumentException <- java.lang.ArithmeticException",
                ApiCall.causes(e));
    }

    @Test
    void anSqlExceptionAddsItsStateAndItsNextExceptionsState() {
        SQLException sql = new SQLException(SECRET, "23505");
        sql.setNextException(new SQLException(SECRET, "22001"));
        assertEquals("java.lang.RuntimeException <- java.sql.SQLException (SQL state 23505) next 22001",
                ApiCall.causes(new RuntimeException(SECRET, sql)));
        assertEquals("java.sql.SQLException (SQL state null)", ApiCall.causes(new SQLException(SECRET)));
    }

    @Test
    void noMessageEverAppears() {
        SQLException sql = new SQLException("value '" + SECRET + "' too long", "22001");
        assertFalse(ApiCall.causes(new RuntimeException(SECRET, sql)).contains(SECRET));
    }

    @Test
    void aChainThatLoopsBackEndsAtTheLengthCap() {
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.initCause(b);
        String chain = ApiCall.causes(a);
        assertTrue(chain.length() >= 1000 && chain.length() < 1100, "length " + chain.length());
        assertTrue(chain.startsWith("java.lang.RuntimeException <- java.lang.RuntimeException"));
    }

    @Test
    void anExceptionWithoutACauseIsItsClassAlone() {
        assertEquals("java.lang.NullPointerException", ApiCall.causes(new NullPointerException()));
    }
}
