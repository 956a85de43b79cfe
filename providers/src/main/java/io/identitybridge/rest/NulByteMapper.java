package io.identitybridge.rest;

import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.DatabaseUnreachable;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * PostgreSQL refuses a NUL character in any text, even in a query's parameter, so a NUL that reaches one of
 * Keycloak's own lookups (a form's {@code client_id} on the authorize or token endpoint, say) fails the statement and
 * Keycloak answers 500. Only a request can carry that NUL: 400 {@code invalid_request}. Every other persistence
 * exception goes to Keycloak's own handler unchanged. (Our own endpoints refuse NUL before they touch the database.)
 * <p>
 * The one mapper of persistence exceptions (JAX-RS takes one per type), so it also answers a database that cannot be
 * reached: every request that needs it (the realm lookup, the token endpoint, the admin API) fails with a JDBC
 * connection exception, which Keycloak answers with 500 {@code unknown_error} and an ERROR with a stack trace each.
 * It is an outage, not the caller's error nor a bug: 503 {@code temporarily_unavailable} with {@code Retry-After}.
 */
@Provider
public final class NulByteMapper implements ExceptionMapper<PersistenceException> {

    @Override
    public Response toResponse(PersistenceException e) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (DatabaseUnreachable.is(e)) {
            if (session != null) {
                session.getTransactionManager().setRollbackOnly();
            }
            return DatabaseUnreachable.answer(e);
        }
        if (!isNulRefusal(e)) {
            return KeycloakErrorHandler.getResponse(session, e);
        }
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
        }
        return ApiError.badRequest("the request contains a NUL character").toResponse();
    }

    /** PostgreSQL's "invalid byte sequence for encoding "UTF8": 0x00", anywhere in the cause chain. */
    static boolean isNulRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("invalid byte sequence for encoding") && m.contains("0x00")) {
                return true;
            }
        }
        return false;
    }
}
