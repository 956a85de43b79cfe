package io.identitybridge.compat;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;

/**
 * Keycloak's token manager, whose access token learns whether {@code offline_access} was asked from the request's own
 * scopes ({@link OfflineAccessScope}) instead of from a scan of every client scope of the realm. Stateless, as
 * Keycloak's is.
 */
final class OfflineScopeTokenManager extends TokenManager {

    @Override
    protected AccessToken initToken(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx, boolean isOffline) {
        // The grant type has usually decided it already: a "no" needs no second pass over the request's scopes.
        Boolean asked = clientSessionCtx.getAttribute(OAuth2Constants.OFFLINE_ACCESS, Boolean.class);
        ClientScopeModel offline = Boolean.FALSE.equals(asked) ? OfflineAccessScope.NOT_ASKED
                : OfflineAccessScope.asked(session, realm, clientSessionCtx);
        RealmModel seen = offline == null ? realm : OfflineAccessScope.lookingUpOnly(realm, offline);
        return super.initToken(session, seen, client, user, userSession, clientSessionCtx, isOffline);
    }
}
