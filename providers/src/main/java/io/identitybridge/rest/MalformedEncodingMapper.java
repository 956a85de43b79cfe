package io.identitybridge.rest;

import io.identitybridge.creatioapi.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * A form body with a broken percent escape ({@code state=h%}, {@code %zz}) makes the JAX-RS layer throw while it
 * decodes the form, before any Keycloak code runs, and Keycloak answers that with 500 {@code unknown_error} (for a
 * browser's authorize POST, an HTML 500). It is the client's error: 400 {@code invalid_request}. Every other
 * exception goes to Keycloak's own handler unchanged.
 */
@Provider
public final class MalformedEncodingMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        if (isDecodeFailure(e)) {
            return ApiError.badRequest("the request is not validly percent-encoded").toResponse();
        }
        return KeycloakErrorHandler.getResponse(KeycloakSessionUtil.getKeycloakSession(), e);
    }

    /** Thrown by RESTEasy Reactive's URLUtils, with a message that quotes the value (which is therefore never echoed). */
    static boolean isDecodeFailure(IllegalArgumentException e) {
        StackTraceElement[] at = e.getStackTrace();
        return e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL")
                && at.length > 0 && at[0].getClassName().endsWith(".URLUtils");
    }
}
