package io.identitybridge.queryparams;

import org.keycloak.protocol.oidc.endpoints.request.AuthzEndpointRequestParser;
import org.keycloak.protocol.oidc.par.endpoints.ParEndpoint;

import java.util.HashSet;
import java.util.Set;

/**
 * Authorize parameters that are never "extra": the ones Keycloak's parser knows, plus the rest of OpenID Connect
 * Core 3.1.2.1 and the OAuth extensions Keycloak implements (RAR, OID4VCI). They pass untouched.
 */
final class StandardParams {

    static final Set<String> NAMES;

    static {
        Set<String> s = new HashSet<>(AuthzEndpointRequestParser.KNOWN_REQ_PARAMS);
        s.addAll(Set.of("display", "ui_locales", "claims_locales", "id_token_hint", "login_hint", "acr_values",
                "registration", "authorization_details", "issuer_state", "kc_locale",
                // Keycloak's own bookkeeping of a pushed request (PAR), which its parser hands on as extra parameters.
                ParEndpoint.PAR_CREATED_TIME, ParEndpoint.PAR_DPOP_PROOF_JKT));
        NAMES = Set.copyOf(s);
    }

    private StandardParams() {
    }

    static boolean contains(String name) {
        return NAMES.contains(name);
    }
}
