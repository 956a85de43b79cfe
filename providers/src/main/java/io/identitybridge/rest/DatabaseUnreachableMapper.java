package io.identitybridge.rest;

import io.identitybridge.creatioapi.DatabaseUnreachable;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * While the database cannot be reached, every request that needs it (resolving the realm, the token endpoint, the
 * admin API) fails with a JDBC connection exception, and Keycloak answers 500 {@code unknown_error} with an ERROR and
 * a stack trace for each. It is a temporary outage, not a bug: 503 {@code temporarily_unavailable} with
 * {@code Retry-After}, so that callers try again. Every other persistence failure goes to Keycloak's own handler
 * unchanged.
 */
@Provider
public final class DatabaseUnreachableMapper implements ExceptionMapper<PersistenceException> {

    @Override
    public Response toResponse(PersistenceException e) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (DatabaseUnreachable.is(e)) {
            session.getTransactionManager().setRollbackOnly();
            return DatabaseUnreachable.answer(e);
        }
        return KeycloakErrorHandler.getResponse(session, e);
    }
}
