package io.identitybridge.queryparams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.identitybridge.queryparams.QueryParamSettings.Mode;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.Map;
import java.util.Optional;

/**
 * Enforces a client's allow-list of extra authorize parameters. It runs on AUTHORIZATION_REQUEST: after Keycloak's
 * parser (which silently keeps at most 5 extra parameters of 2000 characters) and before the extra parameters
 * become auth-session notes, so it can put back the full values of the allowed ones and remove the rest.
 * The same event fires for {@code /protocol/openid-connect/auth} and {@code /connect/authorize}.
 */
public class QueryParamsExecutor implements ClientPolicyExecutorProvider<QueryParamsExecutor.Configuration> {

    private static final Logger LOG = Logger.getLogger(QueryParamsExecutor.class);

    private final QueryParamSettings settings;
    private Configuration configuration = new Configuration();

    QueryParamsExecutor(QueryParamSettings settings) {
        this.settings = settings;
    }

    /** The realm's choice, in the client profile: {@code reject} or {@code drop}; empty means the server default. */
    public static class Configuration extends ClientPolicyExecutorConfigurationRepresentation {
        @JsonProperty(QueryParamSettings.OPT_UNKNOWN_PARAMETERS)
        protected String unknownParameters;

        public String getUnknownParameters() {
            return unknownParameters;
        }

        public void setUnknownParameters(String unknownParameters) {
            this.unknownParameters = unknownParameters;
        }
    }

    @Override
    public void setupConfiguration(Configuration config) {
        this.configuration = config == null ? new Configuration() : config;
    }

    @Override
    public Class<Configuration> getExecutorConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public String getProviderId() {
        return QueryParamsExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        AuthorizationRequestContext authz = (AuthorizationRequestContext) context;
        ClientModel client = authz.getClient();
        Optional<AllowList> allow = AllowList.of(client);
        if (allow.isEmpty()) {
            return; // no allow-list: Keycloak's own behaviour
        }
        if (!allow.get().isValid()) {
            LOG.warnf("Client '%s' has a malformed %s attribute; no extra authorize parameter is allowed", client.getClientId(), AllowList.ATTRIBUTE);
        }
        Map<String, String> extra = authz.getAuthorizationEndpointRequest().getAdditionalReqParams();
        QueryParamRules.Decision d = QueryParamRules.decide(allow.get(), mode(), settings, authz.getRequestParameters(), extra);
        if (d.error() != null) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, d.error());
        }
        // Keycloak writes each entry left here as note client_request_param_<name>, right after this event.
        extra.keySet().removeIf(name -> !StandardParams.contains(name));
        extra.putAll(d.kept());
        if (!d.dropped().isEmpty()) {
            LOG.debugf("Dropped %d extra authorize parameter(s) for client '%s'", d.dropped().size(), client.getClientId());
        }
    }

    private Mode mode() {
        String configured = configuration.getUnknownParameters();
        if (configured == null || configured.isBlank()) {
            return settings.defaultMode();
        }
        Mode mode = Mode.parse(configured);
        if (mode == null) {
            LOG.warnf("Executor %s: unknown-parameters '%s' is neither reject nor drop; rejecting", getProviderId(), ParamValues.echo(configured));
            return Mode.REJECT;
        }
        return mode;
    }
}
