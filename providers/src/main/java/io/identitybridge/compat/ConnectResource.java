package io.identitybridge.compat;

import jakarta.ws.rs.Path;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.endpoints.TokenEndpoint;

/**
 * IdentityServer4's endpoint paths under the realm ({@code /realms/{realm}/connect/...}), each handed in-process to
 * Keycloak's own OpenID Connect endpoint: same behaviour, errors, events and brute-force protection, no HTTP hop.
 */
public class ConnectResource {

    private final KeycloakSession session;

    ConnectResource(KeycloakSession session) {
        this.session = session;
    }

    private OIDCLoginProtocolService oidc() {
        EventBuilder event = new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection());
        return new OIDCLoginProtocolService(session, event);
    }

    @Path("token")
    public Object token() {
        return oidc().token();
    }

    @Path("authorize")
    public Object authorize() {
        return oidc().auth();
    }

    @Path("userinfo")
    public Object userinfo() {
        return oidc().issueUserInfo();
    }

    @Path("endsession")
    public Object endSession() {
        return oidc().logout();
    }

    @Path("revocation")
    public Object revocation() {
        return oidc().revoke();
    }

    @Path("introspect")
    public Object introspect() {
        return ((TokenEndpoint) oidc().token()).introspect();
    }

    @Path("deviceauthorization")
    public Object deviceAuthorization() {
        return ((AuthorizationEndpoint) oidc().auth()).authorizeDevice();
    }

    @Path("checksession")
    public Object checkSession() {
        return oidc().getLoginStatusIframe();
    }
}
