package io.identitybridge.creatioapi;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

import java.io.InputStream;
import java.util.Map;

/**
 * The JAX-RS face of a Creatio API: {@code POST /realms/{realm}/<API>/<name>} runs the operation of that name. An
 * unknown name is Keycloak's own 404, as an unmatched path is (and the unserved-call log records it alike).
 */
public class ApiOperations {

    private final KeycloakSession session;
    private final Map<String, ApiOperation> operations;

    public ApiOperations(KeycloakSession session, Map<String, ApiOperation> operations) {
        this.session = session;
        this.operations = operations;
    }

    @Path("{operation}")
    public Call operation(@PathParam("operation") String name) {
        ApiOperation op = operations.get(name);
        if (op == null) {
            throw new NotFoundException();
        }
        return new Call(session, op);
    }

    /** One operation, bound to this request; only POST is served. */
    public static class Call {

        private final KeycloakSession session;
        private final ApiOperation op;

        Call(KeycloakSession session, ApiOperation op) {
            this.session = session;
            this.op = op;
        }

        @POST
        @Path("")
        @Produces(MediaType.APPLICATION_JSON)
        public Response post(InputStream body) {
            return ApiCall.run(session, op.scope(), op.body().apply(body), op.run());
        }
    }
}
