package io.identitybridge.seed;

import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A client's default and optional client scopes as seeding owns them: never the service-account scope Keycloak adds
 * itself, nor the resource scopes that OwnedResources links (those belong to the Identity Service API).
 */
final class ClientScopesIO {

    /** Added by Keycloak itself to every service-account client; not ours to compare or remove. */
    static final String SERVICE_ACCOUNT_SCOPE = "service_account";

    private ClientScopesIO() {
    }

    /** The default ({@code dflt}) or optional scope field; both lists are written together, after every other field. */
    static ClientField<Collection<String>> field(String key, String source, boolean dflt) {
        return new ClientField<>(key, source, ClientField.SET, client -> names(client, dflt),
                (target, value) -> target.afterOthers("scopes", () -> write(target)),
                (rep, value) -> {
                    if (dflt) {
                        rep.setDefaultClientScopes(new ArrayList<>(value));
                    } else {
                        rep.setOptionalClientScopes(new ArrayList<>(value));
                    }
                },
                rep -> withoutServiceAccount(dflt ? rep.getDefaultClientScopes() : rep.getOptionalClientScopes()));
    }

    static Set<String> names(ClientModel client, boolean dflt) {
        Set<String> names = new TreeSet<>();
        client.getClientScopes(dflt).forEach((name, scope) -> {
            if (!SERVICE_ACCOUNT_SCOPE.equals(name) && !ResourceScopeAttributes.isResource(scope)) {
                names.add(name);
            }
        });
        return names;
    }

    /** A new service-account client gets Keycloak's service-account scope, as Keycloak's own create would give it. */
    static void addServiceAccountScope(ClientRepresentation rep) {
        List<String> defaults = new ArrayList<>(rep.getDefaultClientScopes() == null ? List.of() : rep.getDefaultClientScopes());
        defaults.add(SERVICE_ACCOUNT_SCOPE);
        rep.setDefaultClientScopes(defaults);
    }

    private static Set<String> withoutServiceAccount(List<String> names) {
        Set<String> kept = new TreeSet<>(names == null ? List.of() : names);
        kept.remove(SERVICE_ACCOUNT_SCOPE);
        return kept;
    }

    private static void write(ClientStateIO.Target target) {
        ClientModel client = target.client();
        Map<String, ClientScopeModel> current = new HashMap<>(client.getClientScopes(true));
        current.putAll(client.getClientScopes(false));
        Set<String> wantDefault = new HashSet<>(ClientFieldTable.DEFAULT_SCOPES.get(target.desired()));
        Set<String> wantOptional = new HashSet<>(ClientFieldTable.OPTIONAL_SCOPES.get(target.desired()));
        Map<String, ClientScopeModel> isDefault = client.getClientScopes(true);
        for (Map.Entry<String, ClientScopeModel> linked : current.entrySet()) {
            String name = linked.getKey();
            boolean keep = isDefault.containsKey(name) ? wantDefault.contains(name) : wantOptional.contains(name);
            if (!keep && !SERVICE_ACCOUNT_SCOPE.equals(name) && !ResourceScopeAttributes.isResource(linked.getValue())) {
                client.removeClientScope(linked.getValue());
            }
        }
        Map<String, ClientScopeModel> byName = target.realm().getClientScopesStream()
                .collect(Collectors.toMap(ClientScopeModel::getName, scope -> scope, (first, second) -> first));
        add(client, byName, wantDefault, client.getClientScopes(true).keySet(), true);
        add(client, byName, wantOptional, client.getClientScopes(false).keySet(), false);
    }

    private static void add(ClientModel client, Map<String, ClientScopeModel> byName, Set<String> wanted, Set<String> present,
                            boolean dflt) {
        for (String name : new TreeSet<>(wanted)) {
            if (!present.contains(name)) {
                ClientScopeModel scope = byName.get(name);
                if (scope == null) {
                    throw new IllegalStateException("client scope '" + name + "' vanished while seeding");
                }
                client.addClientScope(scope, dflt);
            }
        }
    }
}
