package io.identitybridge.queryparams;

import io.identitybridge.queryparams.QueryParamSettings.Mode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for one authorize request of a client with an allow-list, which extra parameters are kept (with their
 * full, cleaned values), which are dropped, or why the request is refused. Pure logic; the executor applies it.
 */
public final class QueryParamRules {

    /** Either {@code error} is set (refuse with invalid_request), or {@code kept} and {@code dropped} apply. */
    public record Decision(Map<String, String> kept, Set<String> dropped, String error) {
        static Decision refuse(String error) {
            return new Decision(Map.of(), Set.of(), error);
        }
    }

    private QueryParamRules() {
    }

    /**
     * @param raw    the request's own parameters, every value of each name
     * @param parsed what Keycloak's parser kept as extra parameters (from a request object or PAR as well), which
     *               Keycloak may have cut; {@code raw} wins where both have a name, except when the request is a
     *               signed request object or a pushed one: then only the signed or pushed values count, and nothing
     *               of the raw query may add to them or override them
     */
    public static Decision decide(AllowList allow, Mode mode, QueryParamSettings limits,
                                  Map<String, List<String>> query, Map<String, String> parsed) {
        Map<String, List<String>> raw = query.containsKey("request") || query.containsKey("request_uri") ? Map.of() : query;
        Set<String> names = new LinkedHashSet<>(raw.keySet());
        names.addAll(parsed.keySet());
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (String name : names) {
            if (StandardParams.contains(name)) {
                continue;
            }
            String canonical = allow.canonical(name);
            if (canonical == null) {
                if (mode == Mode.REJECT) {
                    return Decision.refuse("Parameter '" + ParamValues.echo(name) + "' is not allowed for this client");
                }
                dropped.add(name);
                continue;
            }
            List<String> values = raw.containsKey(name) ? raw.get(name) : List.of(parsed.get(name));
            if (values.size() > 1 || kept.containsKey(canonical)) {
                return Decision.refuse("Parameter '" + canonical + "' is given more than once");
            }
            String value = ParamValues.stripControls(values.isEmpty() ? "" : values.get(0));
            if (value == null || value.isBlank()) {
                continue; // as Keycloak does: an empty extra parameter carries nothing
            }
            if (value.length() > limits.maxValueLength()) {
                return Decision.refuse("Parameter '" + canonical + "' is longer than " + limits.maxValueLength() + " characters");
            }
            kept.put(canonical, value);
            if (kept.size() > limits.maxParameters()) {
                return Decision.refuse("More than " + limits.maxParameters() + " extra parameters");
            }
        }
        return new Decision(kept, dropped, null);
    }
}
