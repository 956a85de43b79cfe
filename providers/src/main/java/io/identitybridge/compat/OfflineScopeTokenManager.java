package io.identitybridge.compat;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;

import java.util.stream.Stream;

/**
 * Keycloak's token manager, whose access token learns whether {@code offline_access} was asked from the request's own
 * scopes ({@link OfflineAccessScope}) instead of from a scan of every client scope of the realm. Stateless, as
 * Keycloak's is.
 */
final class OfflineScopeTokenManager extends TokenManager {

    @Override
    protected AccessToken initToken(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx, boolean isOffline) {
        Stream<ClientScopeModel> offline = OfflineAccessScope.among(session, realm, clientSessionCtx);
        RealmModel seen = offline == null ? realm : OfflineAccessScope.lookingUpOnly(realm, offline.toArray(ClientScopeModel[]::new));
        return super.initToken(session, seen, client, user, userSession, clientSessionCtx, isOffline);
    }
}
