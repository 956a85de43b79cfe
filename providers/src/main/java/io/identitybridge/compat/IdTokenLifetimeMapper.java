package io.identitybridge.compat;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.representations.IDToken;

/**
 * IdentityServer4's IdentityTokenLifetime. Keycloak gives the id token the access token's expiry; this mapper sets
 * {@code exp = iat + lifetime} from the client attribute {@code ib.id.token.lifespan} (seconds).
 */
public class IdTokenLifetimeMapper extends FixedMapper implements OIDCIDTokenMapper {

    public static final String PROVIDER_ID = "ib-id-token-lifetime";
    public static final String ATTRIBUTE = ClientFields.ATTR_ID_TOKEN_LIFESPAN;

    public static ProtocolMapperModel model() {
        return model("id token lifetime (IdentityTokenLifetime)", PROVIDER_ID);
    }

    public IdTokenLifetimeMapper() {
        super(PROVIDER_ID, "ID token lifetime (IdentityServer4)",
                "Sets the id token's exp to iat plus the client attribute '" + ATTRIBUTE + "' (seconds), like IdentityServer4's IdentityTokenLifetime.");
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        String lifetime = client.getAttribute(ATTRIBUTE);
        if (lifetime != null && token.getIat() != null) {
            try {
                token.exp(token.getIat() + Long.parseLong(lifetime));
            } catch (NumberFormatException e) {
                // an operator typed a non-number in the console: keep Keycloak's own expiry
            }
        }
        return token;
    }
}
