package io.identitybridge.ownedresources;

import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import java.util.Map;

/**
 * A resource's Keycloak side: a client scope that tokens carry natively, marked as ours and stamped with its expiry,
 * so that the token endpoint can refuse it from the cached scope alone, without a query per request.
 */
public final class ResourceScopes {

    private ResourceScopes() {
    }

    public static ClientScopeModel create(RealmModel realm, String name, String displayName, Long expiresAt) {
        ClientScopeModel scope = realm.addClientScope(name);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription(displayName);
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(false);
        // A customer's resource is nobody else's business: keep it out of the discovery document.
        scope.setAttribute("include.in.openid.provider.metadata", "false");
        scope.setAttribute(ResourceScopeAttributes.ATTR_RESOURCE, "true");
        if (expiresAt != null) {
            scope.setAttribute(ResourceScopeAttributes.ATTR_EXPIRES, String.valueOf(expiresAt));
        }
        scope.addProtocolMapper(audience(name));
        scope.addProtocolMapper(ResourceExpiryMapper.model(name));
        return scope;
    }

    /** UpdateResource: the display name and the expiry (null: none) of an existing resource's scope. */
    public static void update(ClientScopeModel scope, String displayName, Long expiresAt) {
        scope.setDescription(displayName);
        if (expiresAt != null) {
            scope.setAttribute(ResourceScopeAttributes.ATTR_EXPIRES, String.valueOf(expiresAt));
        } else {
            scope.removeAttribute(ResourceScopeAttributes.ATTR_EXPIRES);
        }
    }

    /** IdentityServer4 puts an API resource's name into {@code aud}; Keycloak's own audience mapper does that here. */
    private static ProtocolMapperModel audience(String name) {
        ProtocolMapperModel m = new ProtocolMapperModel();
        // One mapper per resource scope, so a fixed name: the resource name (up to 255) would not fit the name column.
        m.setName("resource audience");
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper("oidc-audience-mapper");
        m.setConfig(Map.of("included.custom.audience", name, "access.token.claim", "true", "id.token.claim", "false",
                "introspection.token.claim", "true"));
        return m;
    }
}
