package io.identitybridge.creatioapi.clients;

import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.jsonbody.JsonBody;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.UserSessionManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Clients/revokeTokens} (scope revoke_client_tokens): ends every session of a client the caller registered, so
 * that no refresh token of it works again, and sets the client's not-before, so that every access token issued until
 * now fails introspection and the bearer check. Client_credentials tokens have no session; not-before covers them.
 */
final class ClientTokens {

    private ClientTokens() {
    }

    static Map<String, Object> revoke(CallContext ctx, JsonBody body) {
        String clientId = body.requiredText("ClientId");
        body.rejectUnread();
        ClientModel client = new ClientRegistry(ctx).changeable(clientId);
        KeycloakSession session = ctx.session();
        RealmModel realm = ctx.realm();
        int revoked = 0;
        for (UserSessionModel us : session.sessions().getUserSessionsStream(realm, client).toList()) {
            AuthenticatedClientSessionModel cs = us.getAuthenticatedClientSessionByClient(client.getId());
            if (cs != null) {
                TokenManager.detachClientSession(cs);
                revoked++;
            }
            if (us.getAuthenticatedClientSessions().isEmpty()) {
                session.sessions().removeUserSession(realm, us);
            }
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, client, null, null).toList();
        UserSessionManager manager = new UserSessionManager(session);
        for (UserSessionModel us : offline) {
            manager.removeClientFromOfflineUserSession(realm, us, client, us.getUser());
            revoked++;
        }
        // Tokens carry iat in whole seconds: a not-before one second ahead also catches tokens issued this very second.
        int notBefore = Time.currentTime() + 1;
        client.setNotBefore(notBefore);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientId", client.getClientId());
        out.put("revokedSessionCount", revoked);
        out.put("notBefore", Instant.ofEpochSecond(notBefore).toString());
        ctx.audit().clientAction(client, "revoke-tokens", () -> out);
        return out;
    }
}
