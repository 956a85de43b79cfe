package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** An in-memory realm for planning tests: our own RealmView, holding states that earlier plans produced. */
final class FakeRealm implements RealmView {

    final Set<String> scopes = new HashSet<>(Set.of("register_own_resource", "get_resource_list", "get_client_info",
            "find_clients", "remove_client", "update_client", "add_registrar_client", "IdentityServerApi",
            "generate_auth_code", "revoke_client_tokens", "get_service_info",
            "profile", "email", "offline_access", "acr", "basic", "web-origins", "roles"));
    final Map<String, SortedMap<String, String>> clients = new HashMap<>();
    final Map<String, SortedMap<String, String>> scopeStates = new HashMap<>();

    /** Stores what a plan wants, as an apply would. */
    void apply(SeedReview plan) {
        plan.scopes().forEach(i -> {
            scopes.add(i.name());
            scopeStates.put(i.name(), new TreeMap<>(i.desired()));
        });
        plan.clients().forEach(i -> {
            if (i.action() == SeedReview.Action.DELETE) {
                clients.remove(i.name());
            } else {
                clients.put(i.name(), new TreeMap<>(i.desired()));
            }
        });
    }

    @Override
    public String realmName() {
        return "creatio";
    }

    @Override
    public Set<String> scopeNames() {
        return scopes;
    }

    @Override
    public SortedMap<String, String> clientState(String clientId) {
        return clients.get(clientId);
    }

    @Override
    public SortedMap<String, String> scopeState(String name) {
        return scopeStates.get(name);
    }

    @Override
    public Set<String> seededClientIds() {
        Set<String> out = new HashSet<>();
        clients.forEach((id, s) -> {
            if ("true".equals(s.get(ClientFields.ATTR + ClientFields.ATTR_SEEDED))) {
                out.add(id);
            }
        });
        return out;
    }

    @Override
    public boolean isBuiltIn(String clientId) {
        return clientId.equals("admin-cli") || clientId.equals("account");
    }
}
