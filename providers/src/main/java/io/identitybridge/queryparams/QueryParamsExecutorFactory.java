package io.identitybridge.queryparams;

import io.identitybridge.config.Options;
import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;
import java.util.Map;

/**
 * Client-policy executor for the authorize-request parameter rules. Server options are read here once
 * ({@code --spi-client-policy-executor--ib-query-parameters--<option>}); the realm's reject-or-drop choice is
 * this executor's configuration in a client profile.
 */
public class QueryParamsExecutorFactory implements ClientPolicyExecutorProviderFactory, ServerInfoAwareProviderFactory,
        ProviderFactoryDefaults<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = Options.QUERY_PARAMETERS_PROVIDER;

    private QueryParamSettings settings;

    @Override
    public void init(Config.Scope config) {
        settings = QueryParamSettings.parse(config::get);
    }

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new QueryParamsExecutor(settings);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Applies the client attribute " + AllowList.ATTRIBUTE + " (Creatio's AllowedQueryParameters) to extra authorize "
                + "parameters: allowed ones are kept whole, others are rejected with invalid_request or dropped. "
                + "Clients without the attribute are not affected.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(QueryParamSettings.OPT_UNKNOWN_PARAMETERS).label("Parameters not allowed")
                .type(ProviderConfigProperty.LIST_TYPE).options("", "reject", "drop").defaultValue("")
                .helpText("reject: answer invalid_request naming the parameter; drop: ignore it. Empty: the server default ("
                        + "option unknown-parameters, reject unless set).").add()
                .build();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return Options.metadata(Options.QUERY_PARAMETERS_SPI, PROVIDER_ID);
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return settings == null ? Map.of() : Map.of(
                Options.MAX_VALUE_LENGTH.name(), String.valueOf(settings.maxValueLength()),
                Options.MAX_PARAMETERS.name(), String.valueOf(settings.maxParameters()),
                Options.UNKNOWN_PARAMETERS.name(), settings.defaultMode().option());
    }
}
