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
    private final String api;
    private final Map<String, ApiOperation> operations;

    /** {@code api}: the API's path (its provider id), the first half of each operation's name. */
    public ApiOperations(KeycloakSession session, String api, Map<String, ApiOperation> operations) {
        this.session = session;
        this.api = api;
        this.operations = operations;
    }

    @Path("{operation}")
    public Call operation(@PathParam("operation") String name) {
        ApiOperation op = operations.get(name);
        if (op == null) {
            throw new NotFoundException();
        }
        // The name is a key of the table (the lookup matched it), so the metrics label stays within the table.
        return new Call(session, api + "/" + name, op);
    }

    /** One operation, bound to this request; only POST is served. */
    public static class Call {

        private final KeycloakSession session;
        private final String name;
        private final ApiOperation op;

        Call(KeycloakSession session, String name, ApiOperation op) {
            this.session = session;
            this.name = name;
            this.op = op;
        }

        @POST
        @Path("")
        @Produces(MediaType.APPLICATION_JSON)
        public Response post(InputStream body) {
            return ApiCall.run(session, name, op.scope(), op.body().apply(body), op.run());
        }
    }
}
