package io.identitybridge.console;

import io.identitybridge.seed.ClientAttributeRules;
import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import java.util.List;
import java.util.Map;

/**
 * The "Identity Service" tab of a client in the admin console: the client attributes Identity Bridge owns, edited
 * under the seeder's own rules ({@link ClientAttributeRules}), and its IdentityServer4 secrets as a count with expiry
 * dates. Keycloak's declarative UI keeps one form per realm and sends the open client's id with it on save. The form's
 * Client field names whose values it holds: a save writes the open client only when that is the one shown; otherwise
 * nothing is written and the form is switched to the open client, so that one client's values never land on another.
 */
public class ClientTabFactory implements UiTabProviderFactory<UiTabProvider>, ProviderFactoryDefaults<UiTabProvider> {

    public static final String PROVIDER_ID = "identity-service-client";
    /**
     * The field the console fills on save from its URL's {@code :clientId}, which is the open client's internal id
     * (Keycloak's UUID), not its OAuth client_id.
     */
    static final String OPEN_CLIENT_INTERNAL_ID = "clientId";
    /** The OAuth client_id of the client whose values the form holds. */
    static final String SHOWN_CLIENT_ID = "client";
    static final String ALLOWED_QUERY_PARAMETERS = "AllowedQueryParameters";
    static final String ID_TOKEN_LIFETIME = "IdentityTokenLifetime";
    static final String CUSTOMER_ID = "CustomerId";
    static final String VIA_BROWSER = "AllowAccessTokensViaBrowser";
    static final String SECRETS = "secrets";

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (!AdminConsoleAccess.isAdminCall(session)) {
            return; // realm import at boot: the form is only a view
        }
        ClientTabSave.run(session, realm, model);
    }

    @Override
    public String getPath() {
        return "/:realm/clients/:clientId/:tab";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "identity-service");
    }

    @Override
    public String getHelpText() {
        return "identity-service-client-help";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                // Declared so that Keycloak keeps the id the console sends on every save; a type the console has no
                // editor for, so that it is never shown.
                .property().name(OPEN_CLIENT_INTERNAL_ID).type("hidden").add()
                .property().name(SHOWN_CLIENT_ID).label("identity-service-client-client").helpText("identity-service-client-client-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ALLOWED_QUERY_PARAMETERS).label("identity-service-client-aqp")
                .helpText("identity-service-client-aqp-help").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ID_TOKEN_LIFETIME).label("identity-service-client-itl").helpText("identity-service-client-itl-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CUSTOMER_ID).label("identity-service-client-customer").helpText("identity-service-client-customer-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(VIA_BROWSER).label("identity-service-client-browser").helpText("identity-service-client-browser-help")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).add()
                .property().name(SECRETS).label("identity-service-client-secrets").helpText("identity-service-client-secrets-help")
                .type(ProviderConfigProperty.TEXT_TYPE).add()
                .build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
