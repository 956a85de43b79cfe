package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** Validates an input against a realm and works out the minimal changes. Pure: reads only the {@link RealmView}. */
public final class SeedPlanner {

    private final int secretMinLength;
    private final boolean prune;

    public SeedPlanner(int secretMinLength, boolean prune) {
        this.secretMinLength = secretMinLength;
        this.prune = prune;
    }

    public SeedPlan plan(SeedInput.Parsed input, RealmView realm) {
        List<Problem> problems = new ArrayList<>();
        List<SeedPlan.Item> scopeItems = new ArrayList<>();
        Set<String> inputScopes = new HashSet<>();
        for (int i = 0; i < input.scopes().size(); i++) {
            DesiredScope scope = ScopeSpecReader.read(input.scopes().get(i), i, problems);
            if (scope.name() == null) {
                continue;
            }
            if (!inputScopes.add(scope.name())) {
                problems.add(new Problem(Problem.Severity.ERROR, "scope", i, scope.name(), "Name", "is defined twice in the input"));
                continue;
            }
            scopeItems.add(item(scope.name(), scope.state(), realm.scopeState(scope.name()), Map.of()));
        }

        ClientSpecReader reader = new ClientSpecReader(secretMinLength);
        List<SeedPlan.Item> clientItems = new ArrayList<>();
        Set<String> clientIds = new LinkedHashSet<>();
        Set<String> known = new HashSet<>(realm.scopeNames());
        known.addAll(inputScopes);
        known.add("openid");
        for (int i = 0; i < input.clients().size(); i++) {
            ObjectNode node = input.clients().get(i);
            DesiredClient client = reader.read(node, i, problems);
            ClientSpecReader.capSessions(client.state(), realm);
            if (client.clientId() == null || client.clientId().isBlank()) {
                continue;
            }
            if (!clientIds.add(client.clientId())) {
                problems.add(Problem.error(i, client.clientId(), "ClientId", "is used by an earlier client of the input too"));
                continue;
            }
            if (realm.isBuiltIn(client.clientId())) {
                problems.add(Problem.error(i, client.clientId(), "ClientId", "is one of Keycloak's own clients, which seeding never changes"));
                continue;
            }
            for (String scope : new TreeSet<>(client.scopes())) {
                if (!known.contains(scope)) {
                    problems.add(Problem.error(i, client.clientId(), "AllowedScopes",
                            "names '" + scope + "', which is neither a scope of realm '" + realm.realmName() + "' nor defined in the input"));
                }
            }
            clientItems.add(item(client.clientId(), client.state(), realm.clientState(client.clientId()), ClientFields.SOURCE));
        }
        if (prune) {
            for (String seeded : new TreeSet<>(realm.seededClientIds())) {
                if (!clientIds.contains(seeded)) {
                    clientItems.add(new SeedPlan.Item(seeded, SeedPlan.Action.DELETE, List.of(), List.of(), null));
                }
            }
        }
        return new SeedPlan(realm.realmName(), scopeItems, clientItems, problems);
    }

    private static SeedPlan.Item item(String name, SortedMap<String, String> desired, SortedMap<String, String> actual,
                                      Map<String, String> sources) {
        if (actual == null) {
            return new SeedPlan.Item(name, SeedPlan.Action.CREATE, List.of(), List.of(), desired);
        }
        List<String> fields = new ArrayList<>();
        Set<String> changes = new LinkedHashSet<>();
        desired.forEach((key, value) -> {
            if (!value.equals(actual.getOrDefault(key, ""))) {
                fields.add(key);
                changes.add(sources.getOrDefault(key, key));
            }
        });
        SeedPlan.Action action = fields.isEmpty() ? SeedPlan.Action.UNCHANGED : SeedPlan.Action.UPDATE;
        return new SeedPlan.Item(name, action, List.copyOf(changes), fields, desired);
    }
}
