package io.identitybridge.console;

import io.identitybridge.audit.AuditTrail;
import io.identitybridge.vocabulary.BuiltInClients;
import io.identitybridge.seed.ClientAttributeRules;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.seed.ClientChange;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.seed.Seeder;
import io.identitybridge.spi.ProviderFactoryDefaults;
import io.identitybridge.vocabulary.Problem;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
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
    /** The URL parameter the console adds on save: the open client's internal id. */
    static final String URL_CLIENT = "clientId";
    static final String CLIENT = "client";
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
        String id = model.get(URL_CLIENT);
        ClientModel client = id == null ? null : realm.getClientById(id);
        if (client == null) {
            AdminConsoleAccess.evaluator(session, realm).clients().requireManage();
            throw AdminConsoleAccess.refuse("Open this tab from a client's page: no client of realm '" + realm.getName()
                    + "' has the id this form was saved for.");
        }
        AdminPermissionEvaluator admin = AdminConsoleAccess.evaluator(session, realm);
        admin.clients().requireManage(client);
        if (BuiltInClients.isBuiltIn(realm, client.getClientId())) {
            throw AdminConsoleAccess.refuse("'" + client.getClientId() + "' is one of Keycloak's own clients; Identity Bridge"
                    + " attributes are not set on it.");
        }
        if (!client.getClientId().equals(model.get(CLIENT))) {
            // The one form per realm showed another client (or none yet): writing it here would copy those values.
            ClientTabView.load(session, realm, client);
            throw AdminConsoleAccess.refuse("Nothing was saved: this form showed the values of "
                    + (model.get(CLIENT) == null || model.get(CLIENT).isBlank() ? "no client" : "client '" + model.get(CLIENT) + "'")
                    + ". It now holds those of '" + client.getClientId() + "': reload the page, then edit and save.");
        }
        ClientAttributeRules.Result r = ClientAttributeRules.check(client.getClientId(), model.get(ALLOWED_QUERY_PARAMETERS),
                model.get(ID_TOKEN_LIFETIME), model.get(CUSTOMER_ID), model.get(VIA_BROWSER),
                client.getAttribute(ClientFields.ATTR_PROPERTIES));
        if (!r.valid()) {
            throw AdminConsoleAccess.refuse("Not saved: " + String.join("; ", r.problems()));
        }
        // Through seeding's one door, like every other write of a client of ours: an empty value removes the attribute.
        ClientChange change = ClientChange.of(session, realm, client);
        r.attributes().forEach((name, value) -> change.set(ClientFields.ATTR + name, value));
        try {
            new Seeder(session.getProvider(IdentityBridgeProvider.class).settings().secretMinLength(), false).change(session, realm, change);
        } catch (SeedInputException e) {
            throw AdminConsoleAccess.refuse("Not saved: "
                    + e.problems().stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("; ")));
        }
        AuditTrail.byAdmin(session, realm, admin.adminAuth()).client(OperationType.UPDATE, client);
        ClientTabView.show(model, client);
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
                .property().name(URL_CLIENT).type("hidden").add()
                .property().name(CLIENT).label("identity-service-client-client").helpText("identity-service-client-client-help")
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
