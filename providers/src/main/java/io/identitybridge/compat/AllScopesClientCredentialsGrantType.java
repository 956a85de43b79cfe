package io.identitybridge.compat;

import io.identitybridge.config.IdentityBridgeProvider;
import org.keycloak.OAuth2Constants;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType;

import java.util.TreeSet;

/**
 * IdentityServer4's client_credentials: a request without {@code scope} gets every scope the client is allowed
 * (its optional client scopes), not only Keycloak's defaults. Requests that name scopes, and every other realm than
 * the configured one, behave exactly as stock Keycloak.
 */
public class AllScopesClientCredentialsGrantType extends ClientCredentialsGrantType {

    @Override
    protected String getRequestedScopes() {
        String asked = formParams.getFirst(OAuth2Constants.SCOPE);
        if ((asked == null || asked.isBlank()) && servesCreatio()) {
            return String.join(" ", new TreeSet<>(client.getClientScopes(false).keySet()));
        }
        return super.getRequestedScopes();
    }

    private boolean servesCreatio() {
        IdentityBridgeProvider bridge = session.getProvider(IdentityBridgeProvider.class);
        return bridge != null && realm.getName().equals(bridge.settings().realm());
    }
}
