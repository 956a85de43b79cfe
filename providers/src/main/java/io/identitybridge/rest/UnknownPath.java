package io.identitybridge.rest;

import io.identitybridge.idsapi.ApiError;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;

/**
 * What a path under {@code /connect}, {@code /OwnedResources} or {@code /Clients} that no endpoint matches answers:
 * 404, as IdentityServer4 does, where JAX-RS would answer 405 (issue 10, finding 7). Endpoints return it from a
 * catch-all sub-resource locator, which JAX-RS tries only after every literal path.
 */
public final class UnknownPath {

    public static final UnknownPath INSTANCE = new UnknownPath();

    private UnknownPath() {
    }

    @GET
    public Response get() {
        return notFound();
    }

    @POST
    public Response post() {
        return notFound();
    }

    @PUT
    public Response put() {
        return notFound();
    }

    @DELETE
    public Response delete() {
        return notFound();
    }

    @PATCH
    public Response patch() {
        return notFound();
    }

    private static Response notFound() {
        return ApiError.notFound("no endpoint at this path").toResponse();
    }
}
