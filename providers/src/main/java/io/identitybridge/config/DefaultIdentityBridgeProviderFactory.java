package io.identitybridge.config;

import io.identitybridge.BuildInfo;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the server-wide options once and reports the jar version on the server-info page. */
public class DefaultIdentityBridgeProviderFactory implements IdentityBridgeProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "default";

    private IdentityBridgeSettings settings;

    @Override
    public void init(Config.Scope config) {
        settings = IdentityBridgeSettings.parse(config::get);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public IdentityBridgeProvider create(KeycloakSession session) {
        return new DefaultIdentityBridgeProvider(settings);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(IdentityBridgeSettings.OPT_REALM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The realm that serves Creatio (the Identity Service URL is its base URL).")
                .defaultValue(IdentityBridgeSettings.DEFAULT_REALM).add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", BuildInfo.version());
        info.put("built-for-keycloak", BuildInfo.keycloakVersion());
        info.put("realm", settings == null ? "" : settings.realm());
        return info;
    }

    @Override
    public void close() {
    }
}
