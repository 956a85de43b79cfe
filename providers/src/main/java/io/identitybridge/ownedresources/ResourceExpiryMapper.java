package io.identitybridge.ownedresources;

import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one gate every grant passes (code, refresh, password, device, token exchange, client_credentials): each resource
 * scope carries this mapper, and Keycloak runs a scope's mappers whenever it builds an access token with the scope.
 * From the instant a resource expires, its name is taken out of {@code scope} and {@code aud}, reading only the
 * cached scopes. It runs last, after any mapper that put a name in; one run per token judges all its resource scopes
 * (a grantee of n resources once paid n passes over its n scopes).
 */
public class ResourceExpiryMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper {

    public static final String PROVIDER_ID = "ib-resource-expiry";
    static final String RESOURCE = "resource";
    /** The token whose resource scopes were judged, kept in the client session context of its request. */
    private static final String JUDGED = "ib.resource-expiry.judged";

    static ProtocolMapperModel model(String resourceName) {
        ProtocolMapperModel m = new ProtocolMapperModel();
        // Fixed: one per resource scope, and the resource name (up to 255) would overflow the name column.
        m.setName("resource expiry");
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper(PROVIDER_ID);
        m.setConfig(Map.of(RESOURCE, resourceName));
        return m;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        // Each resource scope of the token brings this mapper: the first run judges them all, the others find it done.
        if (clientSessionCtx.getAttribute(JUDGED, Object.class) == token) {
            return token;
        }
        clientSessionCtx.setAttribute(JUDGED, token);
        long now = System.currentTimeMillis();
        Set<String> expired = clientSessionCtx.getClientScopesStream()
                .filter(s -> ResourceScopeAttributes.isResource(s) && ResourceScopeAttributes.expired(s, now))
                .map(ClientScopeModel::getName).collect(Collectors.toSet());
        if (expired.isEmpty()) {
            return token;
        }
        if (token.getScope() != null) {
            token.setScope(Arrays.stream(token.getScope().split(" ")).filter(s -> !expired.contains(s)).collect(Collectors.joining(" ")));
        }
        if (token.getAudience() != null) {
            String[] rest = Arrays.stream(token.getAudience()).filter(a -> !expired.contains(a)).toArray(String[]::new);
            token.audience(rest.length == 0 ? null : rest);
        }
        return token;
    }

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Resource expiry (Identity Bridge)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Added by Identity Bridge to each OwnedResources scope: once the resource expires, its name leaves scope and aud.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
