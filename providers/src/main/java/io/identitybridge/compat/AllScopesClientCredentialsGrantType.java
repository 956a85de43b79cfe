package io.identitybridge.compat;

import io.identitybridge.config.BridgeRealm;
import io.identitybridge.vocabulary.ResourceScopeAttributes;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType;
import org.keycloak.services.CorsErrorResponseException;

import java.util.Map;
import java.util.TreeSet;

/**
 * IdentityServer4's client_credentials: a request without {@code scope} gets every scope the client is allowed
 * (its optional client scopes), not only Keycloak's defaults. An expired OwnedResources scope is refused with
 * {@code invalid_scope} from the moment it expires. Other requests behave exactly as stock Keycloak.
 */
public class AllScopesClientCredentialsGrantType extends ClientCredentialsGrantType {

    @Override
    protected String getRequestedScopes() {
        String asked = formParams.getFirst(OAuth2Constants.SCOPE);
        long now = System.currentTimeMillis();
        Map<String, ClientScopeModel> optional = client.getClientScopes(false);
        if ((asked == null || asked.isBlank()) && BridgeRealm.serves(session, realm)) {
            TreeSet<String> all = new TreeSet<>();
            optional.forEach((name, scope) -> {
                if (!ResourceScopeAttributes.expired(scope, now)) {
                    all.add(name);
                }
            });
            return String.join(" ", all);
        }
        String scopes = super.getRequestedScopes();
        if (scopes != null) {
            for (String name : scopes.split(" ")) {
                ClientScopeModel scope = optional.get(name);
                if (scope != null && ResourceScopeAttributes.expired(scope, now)) {
                    String message = "Scope '" + name + "' has expired";
                    event.detail(Details.REASON, message);
                    event.error(Errors.INVALID_REQUEST);
                    throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_SCOPE, message, Response.Status.BAD_REQUEST);
                }
            }
        }
        return scopes;
    }
}
