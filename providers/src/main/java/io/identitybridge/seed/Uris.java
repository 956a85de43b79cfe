package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Limits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Redirect URIs match exactly in IS4, so anything Keycloak would read as a pattern is refused. */
final class Uris {

    private Uris() {
    }

    static List<String> read(JsonBody in, String field, boolean expected, int maxLength) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> uris = in.strings(field, Limits.MAX_URIS, maxLength);
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            String name = field + "[" + i + "]";
            if (uri.contains("*")) {
                in.error(name, "'" + uri + "' contains a wildcard; IdentityServer4 matches redirect URIs exactly");
            } else if (!isAbsolute(uri)) {
                in.error(name, "'" + uri + "' is not an absolute URI");
            } else if (!seen.add(uri)) {
                in.error(name, "'" + uri + "' is listed twice");
            } else {
                out.add(uri);
            }
        }
        if (expected && out.isEmpty() && uris.isEmpty()) {
            in.warning(field, "is empty, so the browser flows of this client can redirect nowhere");
        }
        return out;
    }

    static List<String> origins(JsonBody in, String field) {
        List<String> out = new ArrayList<>();
        for (String origin : in.strings(field, Limits.MAX_URIS, Limits.COLUMN)) {
            if (!isAbsolute(origin) || hasPath(origin)) {
                in.error(field, "'" + origin + "' is not an origin like https://host[:port]");
            } else {
                out.add(origin);
            }
        }
        return out;
    }

    /** An absolute URI: http(s) with a host, or a custom scheme of a native app; never script or data URIs. */
    static boolean isAbsolute(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https")) {
                return uri.getHost() != null;
            }
            return !Set.of("javascript", "data", "file", "vbscript").contains(scheme);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasPath(String origin) {
        URI uri = URI.create(origin);
        return uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null;
    }

    /** An optional absolute http(s) URI; null when not given, or when refused (with the error said). */
    static String absoluteOrNull(JsonBody in, String name, int max) {
        String uri = in.text(name, max);
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        if (!isAbsolute(uri)) {
            in.error(name, "must be an absolute http(s) URI");
            return null;
        }
        return uri;
    }
}
