package io.identitybridge.seed;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One existing client's wanted state: what it is now, with some fields replaced. This is how Clients/update, a
 * repeated AddClient and the admin console's client tab enter the one door ({@link Seeder}) like any seed input.
 */
public final class ClientChange {

    private final String clientId;
    private final SortedMap<String, String> current;
    private final SortedMap<String, String> target;
    private final List<String> scopesToCheck = new ArrayList<>();

    private ClientChange(String clientId, SortedMap<String, String> current) {
        this.clientId = clientId;
        this.current = current;
        this.target = new TreeMap<>(current);
    }

    public static ClientChange of(KeycloakSession session, RealmModel realm, ClientModel client) {
        return new ClientChange(client.getClientId(), new KeycloakRealmView(session, realm).clientState(client.getClientId()));
    }

    /** Sets one client field (a {@link ClientFieldTable} key, such as "attributes.ib.secrets"); an empty value clears it. */
    public ClientChange set(String key, String value) {
        if (ClientFieldTable.find(key).isEmpty()) {
            throw new IllegalArgumentException("not a client field: " + key);
        }
        target.put(key, value);
        return this;
    }

    /**
     * Takes, from a client read out of a partial IS4 body, the fields of the properties that body gave
     * ({@code given}: lower-case top-level names); the rest stays as it is.
     */
    public ClientChange setGiven(DesiredClient partial, Set<String> given) {
        for (ClientField<?> field : ClientFieldTable.ALL) {
            String value = partial.state().get(field.key());
            if (value != null && given.contains(rootOf(field.source()))) {
                target.put(field.key(), value);
            }
        }
        if (given.contains("allowedscopes")) {
            scopesToCheck.addAll(partial.scopes());
        }
        // AllowedScopes without AllowOfflineAccess keeps offline access as it was; AllowOfflineAccess without
        // AllowedScopes brings the offline_access scope or takes it away, as the reader does for a whole client.
        if (given.contains("allowedscopes") && !given.contains("allowofflineaccess")) {
            offlineScope(ClientFieldTable.OPTIONAL_SCOPES.get(current).contains("offline_access"), false);
        } else if (given.contains("allowofflineaccess") && !given.contains("allowedscopes")) {
            offlineScope("true".equals(partial.state().get(ClientFieldTable.REFRESH_TOKENS.key())), true);
        }
        return this;
    }

    /** The client's state after this change: what a write would leave, for rules that judge a whole client. */
    public SortedMap<String, String> state() {
        return Collections.unmodifiableSortedMap(target);
    }

    private void offlineScope(boolean wanted, boolean removeOtherwise) {
        Set<String> optional = new TreeSet<>(ClientFieldTable.OPTIONAL_SCOPES.get(target));
        if (wanted) {
            optional.add("offline_access");
        } else if (removeOtherwise) {
            optional.remove("offline_access");
        }
        ClientFieldTable.OPTIONAL_SCOPES.put(target, optional);
    }

    /** Takes scopes away from AllowedScopes (default and optional alike); a scope the client lacks is nothing to do. */
    public ClientChange withoutScopes(Collection<String> names) {
        for (ClientField<Collection<String>> field : List.of(ClientFieldTable.DEFAULT_SCOPES, ClientFieldTable.OPTIONAL_SCOPES)) {
            Set<String> kept = new TreeSet<>(field.get(target));
            kept.removeAll(names);
            field.put(target, kept);
        }
        return this;
    }

    DesiredState toState() {
        return DesiredState.of(new DesiredClient(0, clientId, target, List.copyOf(scopesToCheck)));
    }

    /** The IS4 properties behind changed client fields, once each, in the order administrators know them. */
    public static List<String> properties(Collection<String> fields) {
        return ClientFieldTable.ALL.stream().filter(field -> fields.contains(field.key())).map(ClientField::source).distinct().toList();
    }

    /** "Properties.AllowedQueryParameters" → "properties", "Claims[0].Type" → "claims". */
    public static String rootOf(String field) {
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        return field.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }
}
