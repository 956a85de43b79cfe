package io.identitybridge.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.ConsoleWrites;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ui.extend.UiTabProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client tab's form holds after a save: the client's own values as stored (so the form shows exactly what
 * the server keeps), and its secrets summarised. A secret hash never reaches the form, only how many and until when.
 */
final class ClientTabView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientTabView() {
    }

    /** Switches the realm's form to this client, committed on its own: the caller's request is about to be refused. */
    static void load(KeycloakSession session, RealmModel realm, ClientModel client) {
        String realmId = realm.getId();
        String clientId = client.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> ConsoleWrites.ours(s, () -> {
            RealmModel r = s.realms().getRealm(realmId);
            ClientModel c = r.getClientById(clientId);
            ComponentModel form = r.getComponentsStream(realmId, UiTabProvider.class.getName())
                    .filter(m -> ClientTabFactory.PROVIDER_ID.equals(m.getProviderId())).findFirst().orElse(null);
            if (form == null) {
                form = new ComponentModel();
                form.setParentId(realmId);
                form.setProviderType(UiTabProvider.class.getName());
                form.setProviderId(ClientTabFactory.PROVIDER_ID);
                form.setName(ClientTabFactory.PROVIDER_ID);
                show(form, c);
                r.addComponentModel(form);
            } else {
                show(form, c);
                r.updateComponent(form);
            }
            return null;
        }));
    }

    static void show(ComponentModel form, ClientModel client) {
        form.put(ClientTabFactory.OPEN_CLIENT_INTERNAL_ID, client.getId());
        form.put(ClientTabFactory.SHOWN_CLIENT_ID, client.getClientId());
        form.put(ClientTabFactory.ALLOWED_QUERY_PARAMETERS, orEmpty(client.getAttribute(ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS)));
        form.put(ClientTabFactory.ID_TOKEN_LIFETIME, orEmpty(client.getAttribute(ClientFields.ATTR_ID_TOKEN_LIFESPAN)));
        form.put(ClientTabFactory.CUSTOMER_ID, orEmpty(client.getAttribute(ClientFields.ATTR_CUSTOMER_ID)));
        form.put(ClientTabFactory.VIA_BROWSER, String.valueOf("true".equals(client.getAttribute(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER))));
        form.put(ClientTabFactory.SECRETS, secrets(client.getAttribute(ClientFields.ATTR_SECRETS)));
    }

    /** "2 secrets: expires 2030-01-31T00:00:00Z; never expires" from the JSON array of {hash, expires, description}. */
    static String secrets(String stored) {
        if (stored == null || stored.isBlank()) {
            return "no IdentityServer4 secrets";
        }
        try {
            JsonNode array = JSON.readTree(stored);
            List<String> each = new ArrayList<>();
            for (JsonNode s : array) {
                each.add(s.hasNonNull("expires") ? "expires " + Instant.ofEpochSecond(s.get("expires").asLong()) : "never expires");
            }
            return each.size() + (each.size() == 1 ? " secret: " : " secrets: ") + String.join("; ", each);
        } catch (Exception e) {
            return "secrets attribute unreadable"; // never echo it: it holds hashes
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
