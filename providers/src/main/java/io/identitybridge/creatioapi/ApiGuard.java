package io.identitybridge.creatioapi;

import io.identitybridge.config.BridgeRealm;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IdentityServer4's guard of its local API: a valid access token of this realm (checked by Keycloak's own bearer
 * authenticator) that a client obtained for itself with client_credentials, carrying {@code IdentityServerApi} and
 * the operation's scope. A user's token, or one from any other grant, never passes, whatever scopes it carries.
 */
public final class ApiGuard {

    public static final String API_SCOPE = "IdentityServerApi";

    private ApiGuard() {
    }

    /** The realm the API serves, or 404 for every other realm: the API is part of the Creatio realm only. */
    public static void requireBridgeRealm(KeycloakSession session, RealmModel realm) {
        if (!BridgeRealm.serves(session, realm)) {
            throw ApiError.notFound("the Identity Service API is not served in realm '" + realm.getName() + "'");
        }
    }

    /** The calling client, after checking its token and scopes. */
    public static ClientModel caller(KeycloakSession session, RealmModel realm, String operationScope) {
        AuthResult auth = authenticate(session, realm);
        if (auth == null || auth.getToken() == null || auth.getClient() == null) {
            throw new ApiError(401, "invalid_token", "a valid bearer access token of realm '" + realm.getName() + "' is required");
        }
        AccessToken token = auth.getToken();
        requireOwnServiceToken(session, auth.getClient(), token);
        String lacking = lackingScope(token.getScope(), operationScope);
        if (lacking != null) {
            throw new ApiError(403, "insufficient_scope", "the access token lacks the scope '" + lacking + "'");
        }
        if (!auth.getClient().isEnabled()) {
            throw new ApiError(401, "invalid_token", "the calling client is disabled");
        }
        return auth.getClient();
    }

    /**
     * The first scope the call needs that the token's {@code scope} claim (space-separated, as Keycloak writes it) does
     * not hold, {@link #API_SCOPE} before the operation's; null when it holds both. Names match exactly, case and all.
     */
    static String lackingScope(String tokenScope, String operationScope) {
        Set<String> scopes = tokenScope == null ? Set.of()
                : Arrays.stream(tokenScope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        for (String needed : new String[]{API_SCOPE, operationScope}) {
            if (!scopes.contains(needed)) {
                return needed;
            }
        }
        return null;
    }

    /**
     * The client of the request's bearer token when Keycloak's own authenticator accepts it for this realm, whatever
     * its grant and scopes; null for no or a bad token.
     */
    public static ClientModel bearerClient(KeycloakSession session, RealmModel realm) {
        AuthResult auth = authenticate(session, realm);
        return auth == null || auth.getToken() == null ? null : auth.getClient();
    }

    private static AuthResult authenticate(KeycloakSession session, RealmModel realm) {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        } catch (WebApplicationException e) {
            return null;
        }
    }

    /**
     * The grant is read from the token id, which Keycloak encodes (and signs) with the grant that issued it; the
     * subject must be the calling client's own service account, so no other token of the client can stand in.
     */
    private static void requireOwnServiceToken(KeycloakSession session, ClientModel client, AccessToken token) {
        String grant;
        try {
            AccessTokenContext context = session.getProvider(TokenContextEncoderProvider.class).getTokenContextFromTokenId(token.getId());
            grant = context.getGrantType();
        } catch (RuntimeException e) {
            grant = "unknown";
        }
        if (!OAuth2Constants.CLIENT_CREDENTIALS.equals(grant)) {
            throw ApiError.accessDenied("the Identity Service API accepts only an access token that a client obtained for itself with"
                    + " client_credentials; this token comes from the '" + grant + "' grant");
        }
        UserModel serviceAccount = client.isServiceAccountsEnabled() ? session.users().getServiceAccount(client) : null;
        if (serviceAccount == null || !serviceAccount.getId().equals(token.getSubject())) {
            throw ApiError.accessDenied("the Identity Service API accepts only a client's own client_credentials token: its subject"
                    + " must be the service account of client '" + client.getClientId() + "'");
        }
    }
}
