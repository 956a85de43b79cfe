package io.identitybridge.browsertokens;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * IdentityServer4's AllowAccessTokensViaBrowser, default false: an authorize request whose response_type contains
 * {@code token} is refused unless the client allows it. Keycloak sends the error to the redirect URI with
 * {@code state}, as it does its own authorize errors, on the native path and {@code /connect/authorize} alike.
 */
public class AccessTokensViaBrowserExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    /** IdentityServer4's own words, so that a Creatio administrator can search for them. */
    public static final String MESSAGE = "Client not configured to receive access tokens via browser";

    @Override
    public String getProviderId() {
        return AccessTokensViaBrowserExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        AuthorizationRequestContext authz = (AuthorizationRequestContext) context;
        OIDCResponseType type = authz.getParsedResponseType();
        if (type != null && type.hasResponseType(OIDCResponseType.TOKEN) && !allowed(authz)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, MESSAGE);
        }
    }

    private static boolean allowed(AuthorizationRequestContext authz) {
        return authz.getClient() != null
                && "true".equals(authz.getClient().getAttribute(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER));
    }
}
