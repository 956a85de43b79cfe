package io.identitybridge.resources;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * A resource's Keycloak side: a client scope that tokens carry natively, marked as ours and stamped with its expiry,
 * so that the token endpoint can refuse it from the cached scope alone, without a query per request.
 */
public final class ResourceScopes {

    public static final String ATTR_RESOURCE = "ib.resource";
    public static final String ATTR_EXPIRES = "ib.resource.expires";

    private ResourceScopes() {
    }

    static ClientScopeModel create(RealmModel realm, String name, String displayName, Long expiresAt) {
        ClientScopeModel scope = realm.addClientScope(name);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription(displayName);
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(false);
        // A customer's resource is nobody else's business: keep it out of the discovery document.
        scope.setAttribute("include.in.openid.provider.metadata", "false");
        scope.setAttribute(ATTR_RESOURCE, "true");
        if (expiresAt != null) {
            scope.setAttribute(ATTR_EXPIRES, String.valueOf(expiresAt));
        }
        scope.addProtocolMapper(ResourceExpiryMapper.model(name));
        return scope;
    }

    public static boolean isResource(ClientScopeModel scope) {
        return "true".equals(scope.getAttribute(ATTR_RESOURCE));
    }

    /** True once a resource scope's expiry has passed; false for every other scope. */
    public static boolean expired(ClientScopeModel scope, long nowMillis) {
        String expires = scope.getAttribute(ATTR_EXPIRES);
        if (expires == null) {
            return false;
        }
        try {
            return Long.parseLong(expires) <= nowMillis;
        } catch (NumberFormatException e) {
            return true; // an edited, unreadable expiry fails closed
        }
    }
}
