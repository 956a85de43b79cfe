package io.identitybridge.console;

import io.identitybridge.audit.AuditTrail;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.seed.ClientAttributeRules;
import io.identitybridge.seed.ClientChange;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.seed.Seeder;
import io.identitybridge.vocabulary.BuiltInClients;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.stream.Collectors;

/**
 * The save of the client tab's form. It runs inside {@link ClientTabFactory#validateConfiguration} because Keycloak's
 * declarative UI offers no other save hook: the form is a component, Keycloak stores it itself, and validation is the
 * only code of ours it runs first. So the client is written here, and a refusal (thrown as the validation's exception)
 * stops Keycloak from storing the form, with the message shown in the console.
 */
final class ClientTabSave {

    private ClientTabSave() {
    }

    static void run(KeycloakSession session, RealmModel realm, ComponentModel form) {
        String id = form.get(ClientTabFactory.OPEN_CLIENT_INTERNAL_ID);
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
        String shown = form.get(ClientTabFactory.SHOWN_CLIENT_ID);
        if (!client.getClientId().equals(shown)) {
            // The one form per realm showed another client (or none yet): writing it here would copy those values.
            ClientTabView.load(session, realm, client);
            throw AdminConsoleAccess.refuse("Nothing was saved: this form showed the values of "
                    + (shown == null || shown.isBlank() ? "no client" : "client '" + shown + "'")
                    + ". It now holds those of '" + client.getClientId() + "': reload the page, then edit and save.");
        }
        ClientAttributeRules.Result checked = ClientAttributeRules.check(client.getClientId(),
                form.get(ClientTabFactory.ALLOWED_QUERY_PARAMETERS), form.get(ClientTabFactory.ID_TOKEN_LIFETIME),
                form.get(ClientTabFactory.CUSTOMER_ID), form.get(ClientTabFactory.VIA_BROWSER),
                client.getAttribute(ClientFields.ATTR_PROPERTIES));
        if (!checked.valid()) {
            throw AdminConsoleAccess.refuse("Not saved: " + String.join("; ", checked.problems()));
        }
        // Through seeding's one door, like every other write of a client of ours: an empty value removes the attribute.
        ClientChange change = ClientChange.of(session, realm, client);
        checked.attributes().forEach((name, value) -> change.set(ClientFields.ATTR + name, value));
        try {
            new Seeder(session.getProvider(IdentityBridgeProvider.class).settings().secretMinLength(), false).change(session, realm, change);
        } catch (SeedInputException e) {
            throw AdminConsoleAccess.refuse("Not saved: "
                    + e.problems().stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("; ")));
        }
        AuditTrail.byAdmin(session, realm, admin.adminAuth()).client(OperationType.UPDATE, client);
        ClientTabView.show(form, client);
    }
}
