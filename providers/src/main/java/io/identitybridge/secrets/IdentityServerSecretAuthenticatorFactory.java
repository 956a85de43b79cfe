package io.identitybridge.secrets;

import io.identitybridge.spi.ProviderFactoryDefaults;
import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.ClientAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;

public class IdentityServerSecretAuthenticatorFactory implements ClientAuthenticatorFactory, ProviderFactoryDefaults<ClientAuthenticator> {

    public static final String PROVIDER_ID = ClientFields.AUTHENTICATOR_ID;
    private static final IdentityServerSecretAuthenticator SINGLETON = new IdentityServerSecretAuthenticator();

    @Override
    public ClientAuthenticator create() {
        return SINGLETON;
    }

    @Override
    public ClientAuthenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Client secrets (IdentityServer4)";
    }

    @Override
    public String getHelpText() {
        return "Validates client_id and client_secret (Basic header or form) against the IdentityServer4-style hashed secrets in the client attribute '"
                + ClientFields.ATTR_SECRETS + "', several of them, each with an optional expiry.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[]{
                AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return List.of();
    }

    @Override
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Map.of();
    }

    /** Empty on purpose: the methods are client_secret_basic/post, which Keycloak already lists in discovery. */
    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return Set.of();
    }
}
