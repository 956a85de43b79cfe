package io.identitybridge.browsertokens;

import io.identitybridge.spi.ProviderFactoryDefaults;
import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;

/** Client-policy executor for IdentityServer4's AllowAccessTokensViaBrowser; the creatio realm applies it to every client. */
public class AccessTokensViaBrowserExecutorFactory implements ClientPolicyExecutorProviderFactory,
        ProviderFactoryDefaults<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "ib-access-tokens-via-browser";
    private static final AccessTokensViaBrowserExecutor SINGLETON = new AccessTokensViaBrowserExecutor();

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "IdentityServer4's AllowAccessTokensViaBrowser: refuses an authorize request whose response_type contains 'token'"
                + " with invalid_request, unless the client attribute " + ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER + " is true.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
