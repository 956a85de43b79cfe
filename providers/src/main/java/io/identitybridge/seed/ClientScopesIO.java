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
import java.util.Objects;
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

    /**
     * Links a new client's scopes. Keycloak linked the realm's default scopes when it set the client's protocol: those
     * not wanted go, and the wanted ones still missing come in one call per kind, resolved from {@code byName} (the
     * realm's scopes, read once per seeding), where Keycloak's import would look each up by name and link it alone.
     * A name missing from {@code byName} is skipped, as Keycloak's import skips it.
     */
    static void link(ClientModel client, Map<String, ClientScopeModel> byName, List<String> wantDefault, List<String> wantOptional) {
        Set<String> dflt = new HashSet<>(wantDefault == null ? List.of() : wantDefault);
        Set<String> optional = new HashSet<>(wantOptional == null ? List.of() : wantOptional);
        optional.removeAll(dflt);
        Map<String, ClientScopeModel> presentDefault = client.getClientScopes(true);
        Map<String, ClientScopeModel> presentOptional = client.getClientScopes(false);
        unlink(client, presentDefault, dflt);
        unlink(client, presentOptional, optional);
        linkMissing(client, byName, dflt, presentDefault.keySet(), true);
        linkMissing(client, byName, optional, presentOptional.keySet(), false);
    }

    private static void unlink(ClientModel client, Map<String, ClientScopeModel> present, Set<String> wanted) {
        present.forEach((name, scope) -> {
            if (!wanted.contains(name)) {
                client.removeClientScope(scope);
            }
        });
    }

    private static void linkMissing(ClientModel client, Map<String, ClientScopeModel> byName, Set<String> wanted, Set<String> present,
                                    boolean dflt) {
        Set<ClientScopeModel> missing = wanted.stream().filter(name -> !present.contains(name)).map(byName::get)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            client.addClientScopes(missing, dflt);
        }
    }

    /** The realm's client scopes by name, as {@link #link} resolves them. */
    static Map<String, ClientScopeModel> byName(RealmModel realm) {
        return realm.getClientScopesStream().collect(Collectors.toMap(ClientScopeModel::getName, scope -> scope, (first, second) -> first));
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
        Map<String, ClientScopeModel> byName = byName(target.realm());
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
