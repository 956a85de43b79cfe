package io.identitybridge.compat;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;
import java.util.Map;

/** Our token mappers take no configuration: they read client attributes the seeder wrote. */
abstract class FixedMapper extends AbstractOIDCProtocolMapper {

    private final String id;
    private final String displayType;
    private final String helpText;

    FixedMapper(String id, String displayType, String helpText) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
    }

    /** A fresh model each time: Keycloak stores an id into the model it is given. */
    static ProtocolMapperModel model(String name, String providerId) {
        ProtocolMapperModel m = new ProtocolMapperModel();
        m.setName(name);
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper(providerId);
        m.setConfig(Map.of());
        return m;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }
}
