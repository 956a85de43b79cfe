package io.identitybridge.ownedresources;

import io.identitybridge.vocabulary.ResourceScopeAttributes;
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
import java.util.stream.Collectors;

/**
 * The one gate every grant passes (code, refresh, password, device, token exchange, client_credentials): each resource
 * scope carries this mapper, and Keycloak runs a scope's mappers whenever it builds an access token with the scope.
 * From the instant the resource expires, its name is taken out of {@code scope} and {@code aud}, reading only the
 * cached scope. It runs last, after any mapper that put the name in.
 */
public class ResourceExpiryMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper {

    public static final String PROVIDER_ID = "ib-resource-expiry";
    static final String RESOURCE = "resource";

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
        String name = mappingModel.getConfig().get(RESOURCE);
        long now = System.currentTimeMillis();
        boolean expired = clientSessionCtx.getClientScopesStream()
                .filter(s -> name.equals(s.getName())).anyMatch(s -> ResourceScopeAttributes.expired(s, now));
        if (expired) {
            token.setScope(token.getScope() == null ? null : Arrays.stream(token.getScope().split(" "))
                    .filter(s -> !s.equals(name)).collect(Collectors.joining(" ")));
            if (token.getAudience() != null) {
                String[] rest = Arrays.stream(token.getAudience()).filter(a -> !a.equals(name)).toArray(String[]::new);
                token.audience(rest.length == 0 ? null : rest);
            }
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
