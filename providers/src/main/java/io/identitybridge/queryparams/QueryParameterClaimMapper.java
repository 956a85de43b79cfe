package io.identitybridge.queryparams;

import io.identitybridge.vocabulary.ReservedClaims;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts one allowed authorize parameter of the login (e.g. Creatio's {@code targetSubject}) into tokens as a claim
 * (e.g. {@code target_subject}). It reads the client-session note the authorize request left, and only for names on
 * the client's allow-list, so a parameter the rules did not keep can never become a claim.
 */
public class QueryParameterClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "query-parameter-claim";
    public static final String PARAMETER = "query.parameter";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty parameter = new ProviderConfigProperty(PARAMETER, "Query parameter",
                "Name of the authorize parameter, as on the client's allow-list (attribute " + AllowList.ATTRIBUTE + ").",
                ProviderConfigProperty.STRING_TYPE, null);
        CONFIG.add(parameter);
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, QueryParameterClaimMapper.class);
    }

    /** A model for the admin API or tests: parameter to claim, in id and access tokens and userinfo. */
    public static ProtocolMapperModel model(String name, String parameter, String claim) {
        Map<String, String> config = new HashMap<>();
        config.put(PARAMETER, parameter);
        config.put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, claim);
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
        ProtocolMapperModel m = new ProtocolMapperModel();
        m.setName(name);
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper(PROVIDER_ID);
        m.setConfig(config);
        return m;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        var clientSession = clientSessionCtx.getClientSession();
        String value = QueryParamNotes.allowed(clientSession.getClient(), mappingModel.getConfig().get(PARAMETER), clientSession::getNote);
        // validateConfig refuses reserved names; a model written around the admin API still never duplicates a key.
        if (value != null && !ReservedClaims.isReserved(mappingModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME))) {
            OIDCAttributeMapperHelper.mapClaim(token, mappingModel, value);
        }
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        String claim = mapperModel.getConfig() == null ? null : mapperModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        String problem = ReservedClaims.problem(claim);
        if (problem != null) {
            throw new ProtocolMapperConfigException("Token claim name " + problem);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Query parameter claim";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Maps an allowed extra authorize parameter (Creatio AllowedQueryParameters) to a token claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
