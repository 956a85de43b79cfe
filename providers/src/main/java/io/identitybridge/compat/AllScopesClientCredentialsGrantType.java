package io.identitybridge.compat;

import io.identitybridge.config.BridgeRealm;
import io.identitybridge.vocabulary.ResourceScopeAttributes;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyContext;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * IdentityServer4's client_credentials: a request without {@code scope} gets every scope the client is allowed
 * (its optional client scopes), not only Keycloak's defaults. An expired OwnedResources scope is refused with
 * {@code invalid_scope} from the moment it expires. Other requests behave exactly as stock Keycloak. Whether the
 * token is an offline one is decided from the request's own scopes ({@link OfflineAccessScope}), not from a scan of
 * every client scope of the realm, whose cost grew with the realm's OwnedResources.
 */
public class AllScopesClientCredentialsGrantType extends ClientCredentialsGrantType {

    @Override
    protected void setContext(Context context) {
        super.setContext(context);
        tokenManager = new OfflineScopeTokenManager();
    }

    @Override
    protected TokenManager.AccessTokenResponseBuilder createTokenResponseBuilder(UserModel user, UserSessionModel userSession,
            ClientSessionContext clientSessionCtx, String scopeParam,
            Function<TokenManager.AccessTokenResponseBuilder, ClientPolicyContext> clientPolicyContextGenerator) {
        // Keycloak's own answer, which it keeps in this attribute: set first, it spares Keycloak the realm-wide scan.
        if (clientSessionCtx.getAttribute(OAuth2Constants.OFFLINE_ACCESS, Boolean.class) == null) {
            ClientScopeModel offline = OfflineAccessScope.asked(session, realm, clientSessionCtx);
            if (offline != null) {
                clientSessionCtx.setAttribute(OAuth2Constants.OFFLINE_ACCESS, offline != OfflineAccessScope.NOT_ASKED);
            }
        }
        return super.createTokenResponseBuilder(user, userSession, clientSessionCtx, scopeParam, clientPolicyContextGenerator);
    }

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
            String scopes = String.join(" ", all);
            NotOrganizationScopes.mark(session, optional, scopes);
            return scopes;
        }
        String scopes = super.getRequestedScopes();
        NotOrganizationScopes.mark(session, optional, scopes);
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
