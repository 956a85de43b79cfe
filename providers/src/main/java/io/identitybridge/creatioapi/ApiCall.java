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
import org.keycloak.models.utils.KeycloakModelUtils;

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
        Response answer = answer(session, name, scope, body, operation);
        Object entity = answer.getEntity();
        BridgeMetrics.apiCall(name, answer.getStatus(), entity instanceof Map<?, ?> m && m.get("error") instanceof String e ? e : null,
                System.nanoTime() - started);
        return answer;
    }

    private static Response answer(KeycloakSession session, String name, String scope, InputStream body,
                                   BiFunction<CallContext, JsonBody, Object> operation) {
        Attempt call = new Attempt(scope, body, operation);
        try {
            return ok(call.in(session));
        } catch (RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            if (!WriteConflict.is(e)) {
                return refusal(scope, e);
            }
            return retry(session, name, scope, call, e);
        }
    }

    /**
     * A concurrent transaction won a lock or a row: the whole call again, once, in a new session and transaction. This
     * session's transaction is rolled back first, so that nothing of the first attempt remains and its row locks, which
     * the retry would wait on, are released; the retry commits before the answer, so a 200 is stored.
     */
    private static Response retry(KeycloakSession session, String name, String scope, Attempt call, RuntimeException first) {
        try {
            session.getTransactionManager().rollback();
            Object answer = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), session.getContext(),
                    call::in, "Identity Service API " + name + " retry");
            WriteConflict.retried(name, first);
            return ok(answer);
        } catch (RuntimeException e) {
            return WriteConflict.is(e) ? WriteConflict.answer(name, e) : refusal(scope, e);
        }
    }

    private static Response ok(Object answer) {
        return Response.ok(answer).type(MediaType.APPLICATION_JSON).build();
    }

    /** Any other failure of the call: its transaction is rolled back, so nothing was changed. */
    private static Response refusal(String scope, RuntimeException e) {
        if (e instanceof ApiError error) {
            return error.toResponse();
        }
        if (e instanceof ModelDuplicateException || e instanceof EntityExistsException) {
            return ApiError.conflict("the name is already taken (a concurrent request, perhaps); nothing was changed").toResponse();
        }
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

    /** One run of the call in a session: realm, token and scope checks, the body (read once), the operation, the writes. */
    private static final class Attempt {

        private final String scope;
        private final InputStream body;
        private final BiFunction<CallContext, JsonBody, Object> operation;
        private JsonBody props;

        Attempt(String scope, InputStream body, BiFunction<CallContext, JsonBody, Object> operation) {
            this.scope = scope;
            this.body = body;
            this.operation = operation;
        }

        Object in(KeycloakSession session) {
            RealmModel realm = session.getContext().getRealm();
            ApiGuard.requireBridgeRealm(session, realm);
            CallContext ctx = new CallContext(session, realm, ApiGuard.caller(session, realm, scope));
            if (props == null) {
                props = ApiBody.read(body);
            }
            Object answer = operation.apply(ctx, props);
            // Write now, inside the call: a database refusal becomes this call's error, never a 200 rolled back later.
            session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
            return answer;
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
            Integer code = WriteConflict.mvStoreCode(t);
            if (code != null) {
                out.append(" (code ").append(code).append(')');
            }
        }
        return out.toString();
    }
}
