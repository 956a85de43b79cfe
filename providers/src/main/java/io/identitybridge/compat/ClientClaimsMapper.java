package io.identitybridge.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.ReservedClaims;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.representations.AccessToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * IdentityServer4 client claims: the pairs in the client attribute {@code ib.client.claims} go into access tokens,
 * named with {@code ib.client.claims.prefix}, for client_credentials only unless {@code ib.client.claims.always}.
 * A type given several times becomes an array, as IdentityServer4 serialises it. Reserved names never get in.
 */
public class ClientClaimsMapper extends FixedMapper implements OIDCAccessTokenMapper {

    public static final String PROVIDER_ID = "ib-client-claims";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProtocolMapperModel model() {
        return model("client claims (IdentityServer4 Claims)", PROVIDER_ID);
    }

    public ClientClaimsMapper() {
        super(PROVIDER_ID, "Client claims (IdentityServer4)",
                "Adds the client's IdentityServer4 Claims (client attribute ib.client.claims) to access tokens, prefixed, "
                + "for client_credentials only unless AlwaysSendClientClaims.");
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        String stored = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS);
        if (stored == null || stored.isEmpty()) {
            return token;
        }
        boolean always = Boolean.parseBoolean(client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS_ALWAYS));
        String grant = clientSessionCtx.getAttribute(Constants.GRANT_TYPE, String.class);
        if (!always && !"client_credentials".equals(grant)) {
            return token;
        }
        String prefix = Objects.requireNonNullElse(client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS_PREFIX), "");
        Map<String, List<String>> byName = new LinkedHashMap<>();
        try {
            for (JsonNode pair : JSON.readTree(stored)) {
                byName.computeIfAbsent(prefix + pair.get(0).asText(), k -> new ArrayList<>()).add(pair.get(1).asText());
            }
        } catch (IOException | RuntimeException e) {
            return token; // an attribute edited by hand into something unreadable: leave the token as Keycloak made it
        }
        // Seeding refuses reserved names; an attribute edited by hand must still never duplicate or replace a token key.
        byName.forEach((name, values) -> {
            if (!ReservedClaims.isReserved(name)) {
                token.getOtherClaims().putIfAbsent(name, values.size() == 1 ? values.get(0) : values);
            }
        });
        return token;
    }
}
