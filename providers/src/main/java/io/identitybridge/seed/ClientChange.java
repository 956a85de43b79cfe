package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    /** Sets one {@link ClientFields} key; an empty value clears it. */
    public ClientChange set(String key, String value) {
        if (!ClientFields.SOURCE.containsKey(key)) {
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
        for (Map.Entry<String, String> e : ClientFields.SOURCE.entrySet()) {
            String value = partial.state().get(e.getKey());
            if (value != null && given.contains(rootOf(e.getValue()))) {
                target.put(e.getKey(), value);
            }
        }
        if (given.contains("allowedscopes")) {
            scopesToCheck.addAll(partial.scopes());
        }
        // AllowedScopes without AllowOfflineAccess keeps offline access as it was; AllowOfflineAccess without
        // AllowedScopes brings the offline_access scope or takes it away, as the reader does for a whole client.
        if (given.contains("allowedscopes") && !given.contains("allowofflineaccess")) {
            offlineScope(ClientStateIO.list(current.get("optionalClientScopes")).contains("offline_access"), false);
        } else if (given.contains("allowofflineaccess") && !given.contains("allowedscopes")) {
            offlineScope("true".equals(partial.state().get(ClientFields.ATTR + "use.refresh.tokens")), true);
        }
        return this;
    }

    /** The client's state after this change: what a write would leave, for rules that judge a whole client. */
    public SortedMap<String, String> state() {
        return Collections.unmodifiableSortedMap(target);
    }

    private void offlineScope(boolean wanted, boolean removeOtherwise) {
        Set<String> optional = new TreeSet<>(ClientStateIO.list(target.get("optionalClientScopes")));
        if (wanted) {
            optional.add("offline_access");
        } else if (removeOtherwise) {
            optional.remove("offline_access");
        }
        target.put("optionalClientScopes", Json.sortedArray(optional));
    }

    /** Takes scopes away from AllowedScopes (default and optional alike); a scope the client lacks is nothing to do. */
    public ClientChange withoutScopes(Collection<String> names) {
        for (String key : List.of("defaultClientScopes", "optionalClientScopes")) {
            Set<String> kept = new TreeSet<>(ClientStateIO.list(target.get(key)));
            kept.removeAll(names);
            target.put(key, Json.sortedArray(kept));
        }
        return this;
    }

    DesiredState toState() {
        return DesiredState.of(new DesiredClient(0, clientId, target, List.copyOf(scopesToCheck)));
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
