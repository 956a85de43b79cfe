package io.identitybridge.creatioapi;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.metrics.BridgeMetrics;
import jakarta.persistence.EntityExistsException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;

import java.io.InputStream;
import java.util.Map;
import java.util.function.BiFunction;

/** Runs one API operation: realm and token checks, body parsing, and errors as IS4 writes them, never half-applied. */
public final class ApiCall {

    private static final Logger LOG = Logger.getLogger(ApiCall.class);

    private ApiCall() {
    }

    /**
     * {@code name} is the operation's name in its API's table (Clients/register) or the API's own (ServiceInfo): a
     * metrics label, so never anything a request chose.
     */
    public static Response run(KeycloakSession session, String name, String scope, InputStream body,
                               BiFunction<CallContext, JsonBody, Object> operation) {
        long started = System.nanoTime();
        Response answer = answer(session, scope, body, operation);
        Object entity = answer.getEntity();
        BridgeMetrics.apiCall(name, answer.getStatus(), entity instanceof Map<?, ?> m && m.get("error") instanceof String e ? e : null,
                System.nanoTime() - started);
        return answer;
    }

    private static Response answer(KeycloakSession session, String scope, InputStream body,
                                   BiFunction<CallContext, JsonBody, Object> operation) {
        RealmModel realm = session.getContext().getRealm();
        try {
            ApiGuard.requireBridgeRealm(session, realm);
            CallContext ctx = new CallContext(session, realm, ApiGuard.caller(session, realm, scope));
            JsonBody props = ApiBody.read(body);
            Object answer = operation.apply(ctx, props);
            // Write now, inside the call: a database refusal becomes this call's error, never a 200 rolled back later.
            session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
            return Response.ok(answer).type(MediaType.APPLICATION_JSON).build();
        } catch (ApiError e) {
            session.getTransactionManager().setRollbackOnly();
            return e.toResponse();
        } catch (ModelDuplicateException | EntityExistsException e) {
            session.getTransactionManager().setRollbackOnly();
            return ApiError.conflict("the name is already taken (a concurrent request, perhaps); nothing was changed").toResponse();
        } catch (RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            if (DatabaseUnreachable.is(e)) {
                // Not the caller's fault, and not a gap in our bounds: 503, so that the caller tries again.
                return DatabaseUnreachable.answer(e);
            }
            // Every input is bounded before it is written, so this is a gap in those bounds. The message is not logged:
            // a driver's message may quote the value, and values may be secrets.
            LOG.errorf("Identity Service API %s refused with %s at %s; nothing was changed", scope, causes(e),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return ApiError.badRequest("the request could not be stored; nothing was changed").toResponse();
        }
    }

    /** The exception's cause chain as class names and SQL states: enough to find the gap, never a value. */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql) {
                out.append(" (SQL state ").append(sql.getSQLState()).append(')');
                if (sql.getNextException() != null) {
                    out.append(" next ").append(sql.getNextException().getSQLState());
                }
            }
        }
        return out.toString();
    }
}
