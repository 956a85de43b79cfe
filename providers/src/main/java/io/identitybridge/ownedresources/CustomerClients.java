package io.identitybridge.ownedresources;

import io.identitybridge.vocabulary.ClientFields;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The clients whose CustomerId attribute is one of the given values, plus the one named by ClientId: the selector of
 * {@code OwnedResources/list} and {@code Clients/find}. Keycloak's attribute search is an indexed query (on PostgreSQL
 * by name and the value's first 255 characters), not a scan of the realm's clients.
 */
public final class CustomerClients {

    private static final Logger LOG = Logger.getLogger(CustomerClients.class);
    /** False once Keycloak refused the attribute search: the operator has not declared the attribute searchable. */
    private static volatile boolean searchable = true;

    private CustomerClients() {
    }

    private static Stream<ClientModel> byCustomer(KeycloakSession session, RealmModel realm, String customerId) {
        if (searchable) {
            try {
                return session.clients().searchClientsByAttributes(realm, Map.of(ClientFields.ATTR_CUSTOMER_ID, customerId), null, null);
            } catch (ModelException e) {
                searchable = false;
                LOG.warnf("Client attribute %s is not searchable, so CustomerId lookups scan every client of the realm."
                        + " Declare it: --spi-client--jpa--searchable-attributes=%s (docker/keycloak.conf does)",
                        ClientFields.ATTR_CUSTOMER_ID, ClientFields.ATTR_CUSTOMER_ID);
            }
        }
        return session.clients().getClientsStream(realm).filter(c -> customerId.equals(c.getAttribute(ClientFields.ATTR_CUSTOMER_ID)));
    }

    /** Ordered by clientId, each client once. */
    public static List<ClientModel> find(KeycloakSession session, RealmModel realm, List<String> customerIds, String clientId) {
        Map<String, ClientModel> found = new TreeMap<>();
        for (String customerId : customerIds) {
            byCustomer(session, realm, customerId).forEach(c -> found.put(c.getClientId(), c));
        }
        if (clientId != null) {
            ClientModel c = session.clients().getClientByClientId(realm, clientId);
            if (c != null) {
                found.put(c.getClientId(), c);
            }
        }
        return List.copyOf(found.values());
    }
}
