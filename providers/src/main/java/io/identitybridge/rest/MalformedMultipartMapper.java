package io.identitybridge.rest;

import io.identitybridge.creatioapi.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.utils.KeycloakSessionUtil;

import java.io.IOException;

/**
 * A body sent as {@code multipart/form-data} that is not multipart (no boundary in it, cut short) makes the JAX-RS
 * layer's form reader throw an IOException before any Keycloak code runs, on every endpoint that reads a form (token,
 * introspection, revocation, userinfo, logout, authorize), and Keycloak answers 500 {@code unknown_error} with an
 * ERROR and a stack trace. It is the client's error: 400 {@code invalid_request}. Every other exception goes to
 * Keycloak's own handler unchanged.
 */
@Provider
public final class MalformedMultipartMapper implements ExceptionMapper<IOException> {

    @Override
    public Response toResponse(IOException e) {
        if (isMultipartFailure(e)) {
            return ApiError.badRequest("the request body is not valid multipart/form-data").toResponse();
        }
        return KeycloakErrorHandler.getResponse(KeycloakSessionUtil.getKeycloakSession(), e);
    }

    /** Thrown by RESTEasy Reactive's multipart parser while the form handler reads the body. */
    static boolean isMultipartFailure(IOException e) {
        StackTraceElement[] at = e.getStackTrace();
        return at.length > 0 && at[0].getClassName().contains(".multipart.");
    }
}
