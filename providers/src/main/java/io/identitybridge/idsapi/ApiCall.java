package io.identitybridge.idsapi;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;

import java.io.InputStream;
import java.util.function.BiFunction;

/** Runs one API operation: realm and token checks, body parsing, and errors as IS4 writes them, never half-applied. */
public final class ApiCall {

    private ApiCall() {
    }

    public static Response run(KeycloakSession session, String scope, InputStream body,
                               BiFunction<CallContext, Props, Object> operation) {
        RealmModel realm = session.getContext().getRealm();
        try {
            ApiGuard.requireBridgeRealm(session, realm);
            CallContext ctx = new CallContext(session, realm, ApiGuard.caller(session, realm, scope));
            Props props = ApiBody.read(body);
            return Response.ok(operation.apply(ctx, props)).type(MediaType.APPLICATION_JSON).build();
        } catch (ApiError e) {
            session.getTransactionManager().setRollbackOnly();
            return e.toResponse();
        } catch (ModelDuplicateException e) {
            session.getTransactionManager().setRollbackOnly();
            return ApiError.conflict("the name is already taken (a concurrent request, perhaps); nothing was changed").toResponse();
        }
    }
}
