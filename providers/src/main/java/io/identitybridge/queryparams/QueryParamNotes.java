package io.identitybridge.queryparams;

import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Reads kept parameters back from the notes Keycloak writes ({@code client_request_param_<name>}), on the auth
 * session for the login page and on the client session for tokens. Only names on the client's allow-list count:
 * for clients without one, stock Keycloak stores any parameter, which must not reach a page or a token.
 */
public final class QueryParamNotes {

    public static final String PREFIX = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX;

    private QueryParamNotes() {
    }

    /** The allowed parameters present in the notes, by their allow-list spelling. */
    public static Map<String, String> allowed(ClientModel client, UnaryOperator<String> note) {
        Map<String, String> out = new TreeMap<>();
        if (client == null) {
            return out;
        }
        AllowList.of(client).ifPresent(allow -> {
            for (String name : allow.names()) {
                String value = note.apply(PREFIX + name);
                if (value != null) {
                    out.put(name, value);
                }
            }
        });
        return out;
    }

    /** One allowed parameter, or null when it is absent or not on the client's allow-list. */
    public static String allowed(ClientModel client, String name, UnaryOperator<String> note) {
        if (client == null || name == null) {
            return null;
        }
        return AllowList.of(client)
                .map(allow -> allow.canonical(name))
                .map(canonical -> note.apply(PREFIX + canonical))
                .orElse(null);
    }
}
