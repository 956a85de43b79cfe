package io.identitybridge.creatioapi;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer of the Identity Service API other than success: IS4's {@code {"error","error_description"}} body. */
public class ApiError extends RuntimeException {

    public static final String WRITE_CONFLICT = "write_conflict";

    private final int status;
    private final String error;

    public ApiError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiError badRequest(String description) {
        return new ApiError(400, "invalid_request", description);
    }

    /** The caller may not do this, whatever scopes it holds. */
    public static ApiError accessDenied(String description) {
        return new ApiError(403, "access_denied", description);
    }

    public static ApiError notFound(String description) {
        return new ApiError(404, "not_found", description);
    }

    public static ApiError conflict(String description) {
        return new ApiError(409, "conflict", description);
    }

    /** The database cannot be reached: the server's trouble, not the caller's; the same call may succeed shortly. */
    public static ApiError unavailable() {
        return new ApiError(503, "temporarily_unavailable", "the database cannot be reached; nothing was changed, try again shortly");
    }

    /**
     * A concurrent request wrote the same rows at the same time, and so did this call's one retry: nothing is wrong with
     * the request, and the same call shortly after may succeed.
     */
    public static ApiError writeConflict() {
        return new ApiError(409, WRITE_CONFLICT, "a concurrent request changed the same data at the same time; nothing was changed, try again");
    }

    /** A caller's text quoted in a message: short, printable, never more than 64 characters. */
    public static String echo(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() < text.length() ? clean + "..." : clean;
    }

    public int status() {
        return status;
    }

    public Response toResponse() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else if ("insufficient_scope".equals(error)) {
            r.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        } else if (status == 503) {
            r.header("Retry-After", "5");
        } else if (WRITE_CONFLICT.equals(error)) {
            r.header("Retry-After", "1");
        }
        return r.build();
    }
}
