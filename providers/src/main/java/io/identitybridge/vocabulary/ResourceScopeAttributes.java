package io.identitybridge.vocabulary;

import org.keycloak.models.ClientScopeModel;

/**
 * How an owned resource's client scope is marked: every feature that must leave such scopes alone (seeding, the
 * token endpoint) asks here, not the resource model.
 */
public final class ResourceScopeAttributes {

    public static final String ATTR_RESOURCE = "ib.resource";
    public static final String ATTR_EXPIRES = "ib.resource.expires";

    private ResourceScopeAttributes() {
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
