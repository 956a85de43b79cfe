package io.identitybridge.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * Label values from fixed sets only: Prometheus keeps one series per value, so nothing a caller chooses (a client id,
 * a path, a method name of its own invention) may become one.
 */
public final class Labels {

    /** Whatever is not in a label's set. */
    public static final String OTHER = "other";
    /** The error label of an answer that is not a 4xx. */
    public static final String NONE = "none";

    /** The error codes the Identity Service API answers with (ApiError and ApiGuard). */
    static final Set<String> API_ERRORS = Set.of("invalid_request", "invalid_token", "insufficient_scope", "access_denied",
            "not_found", "conflict", "write_conflict");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private Labels() {
    }

    /** 200 → "2xx", 404 → "4xx"; anything outside 100–599 is "other". */
    public static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : OTHER;
    }

    /** The error code of a 4xx answer when it is one of the API's own, else "other"; "none" for every other status. */
    public static String apiError(int status, String error) {
        if (status < 400 || status >= 500) {
            return NONE;
        }
        return error != null && API_ERRORS.contains(error) ? error : OTHER;
    }

    /** An HTTP method as a label: the standard ones (in any case), anything else "other". */
    public static String method(String method) {
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return METHODS.contains(m) ? m : OTHER;
    }
}
