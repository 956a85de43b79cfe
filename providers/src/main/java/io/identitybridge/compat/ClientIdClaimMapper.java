package io.identitybridge.compat;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.representations.AccessToken;

/**
 * IdentityServer4 puts {@code client_id} into every access token; Keycloak does so only for service accounts.
 * This mapper adds it for every grant.
 */
public class ClientIdClaimMapper extends FixedMapper implements OIDCAccessTokenMapper {

    public static final String PROVIDER_ID = "ib-client-id";
    public static final String CLAIM = "client_id";

    public static ProtocolMapperModel model() {
        return model("client_id claim (IdentityServer4)", PROVIDER_ID);
    }

    public ClientIdClaimMapper() {
        super(PROVIDER_ID, "client_id claim (IdentityServer4)",
                "Puts the client's clientId into the access token as client_id, for every grant, as IdentityServer4 does.");
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.getOtherClaims().putIfAbsent(CLAIM, clientSessionCtx.getClientSession().getClient().getClientId());
        return token;
    }
}
