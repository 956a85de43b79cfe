package io.identitybridge.seed;

import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a Keycloak client over the {@link ClientFieldTable}, creates one, and writes exactly the fields it is told to. */
final class ClientStateIO {

    /**
     * The client being written. A field whose write depends on others (the two scope lists) asks to run after every
     * other field, once however many of its fields changed.
     */
    record Target(KeycloakSession session, RealmModel realm, ClientModel client, Map<String, String> desired,
                  Map<String, Runnable> deferred) {

        void afterOthers(String name, Runnable write) {
            deferred.putIfAbsent(name, write);
        }
    }

    private ClientStateIO() {
    }

    static SortedMap<String, String> read(ClientModel client) {
        SortedMap<String, String> state = new TreeMap<>();
        ClientFieldTable.ALL.forEach(field -> state.put(field.key(), field.read(client)));
        return state;
    }

    /**
     * Creates a client with every field at once, through Keycloak's own representation import (as partialImport does),
     * so that a cold seed of many clients costs one insert path per client, not one flush per field. Its scopes are
     * linked from {@code scopes} ({@link ClientScopesIO#byName}, read once per seeding) rather than by the import.
     */
    static ClientModel create(KeycloakSession session, RealmModel realm, String clientId, SortedMap<String, String> desired,
                              Map<String, ClientScopeModel> scopes) {
        ClientRepresentation rep = representation(clientId, desired);
        List<String> defaultScopes = rep.getDefaultClientScopes();
        List<String> optionalScopes = rep.getOptionalClientScopes();
        rep.setDefaultClientScopes(null);
        rep.setOptionalClientScopes(null);
        ClientModel client = ClientManager.createClient(session, realm, rep);
        ClientScopesIO.link(client, scopes, defaultScopes, optionalScopes);
        if (Boolean.TRUE.equals(rep.isServiceAccountsEnabled())) {
            // The client is new, so it has no service-account user yet; Keycloak's enableServiceAccount would query first.
            UserModel user = session.users().addUser(realm, ServiceAccountConstants.SERVICE_ACCOUNT_USER_PREFIX + clientId);
            user.setEnabled(true);
            user.setServiceAccountClientLink(client.getId());
        }
        return client;
    }

    /** What {@link #create} hands to Keycloak: every field of the table, as its entry puts it there. */
    static ClientRepresentation representation(String clientId, Map<String, String> desired) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setAttributes(new LinkedHashMap<>());
        // An empty list, not null: Keycloak keeps its built-in mappers only when the representation names none at all.
        rep.setProtocolMappers(new ArrayList<>());
        ClientFieldTable.ALL.forEach(field -> field.create(rep, desired.getOrDefault(field.key(), "")));
        if (Boolean.TRUE.equals(rep.isServiceAccountsEnabled())) {
            ClientScopesIO.addServiceAccountScope(rep);
        }
        return rep;
    }

    /** A created representation read back as a flat state, as {@link #read} reads a stored client. */
    static SortedMap<String, String> readCreated(ClientRepresentation rep) {
        SortedMap<String, String> state = new TreeMap<>();
        ClientFieldTable.ALL.forEach(field -> state.put(field.key(), field.readCreated(rep)));
        return state;
    }

    static void write(KeycloakSession session, RealmModel realm, ClientModel client, SortedMap<String, String> desired,
                      List<String> keys) {
        Target target = new Target(session, realm, client, desired, new LinkedHashMap<>());
        for (String key : keys) {
            ClientField<?> field = ClientFieldTable.find(key)
                    .orElseThrow(() -> new IllegalArgumentException("unknown client field " + key));
            field.write(target, desired.get(key));
        }
        target.deferred().values().forEach(Runnable::run);
    }
}
