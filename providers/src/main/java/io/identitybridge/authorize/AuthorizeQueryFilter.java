package io.identitybridge.authorize;

import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.idsapi.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses an authorize request of the bridge realm whose query holds a control character, with 400 invalid_request.
 * Stock Keycloak answers such a request from a browser (Accept: text/html) with a 500, because it cannot render its
 * error page outside a transaction; IdentityServer4 answers it as a bad request, and so do we.
 */
@Provider
@PreMatching
public final class AuthorizeQueryFilter implements ContainerRequestFilter {

    private static final Pattern AUTHORIZE = Pattern.compile("/?realms/([^/]+)/(?:protocol/openid-connect/auth|connect/authorize)/?");

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null || !ControlCharacters.inEncoded(query)) {
            return;
        }
        Matcher m = AUTHORIZE.matcher(request.getUriInfo().getPath());
        if (m.matches() && m.group(1).equals(bridgeRealm())) {
            request.abortWith(ApiError.badRequest("the authorization request contains a control character").toResponse());
        }
    }

    private static String bridgeRealm() {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        IdentityBridgeProvider bridge = session == null ? null : session.getProvider(IdentityBridgeProvider.class);
        return bridge == null ? IdentityBridgeSettings.DEFAULT_REALM : bridge.settings().realm();
    }
}
