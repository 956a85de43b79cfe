package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Checks a desired state against a realm and works out the minimal changes: stage 2 to stage 3. Pure: reads only the
 * {@link RealmView}.
 */
public final class SeedPlanner {

    /** Problems of the input as a whole first, then scopes (of any model), then clients, each by position. */
    private static final Comparator<Problem> INPUT_ORDER = Comparator
            .comparingInt((Problem p) -> p.kind() == null ? 0 : p.kind().equals("client") ? 2 : 1)
            .thenComparingInt(p -> p.index() == null ? -1 : p.index());

    private final boolean prune;

    public SeedPlanner(boolean prune) {
        this.prune = prune;
    }

    public SeedReview review(DesiredState input, RealmView realm) {
        List<Problem> problems = new ArrayList<>(input.problems());
        List<SeedReview.Item> scopeItems = new ArrayList<>();
        Set<String> inputScopes = new HashSet<>();
        for (DesiredScope scope : input.scopes()) {
            if (scope.name() == null) {
                continue;
            }
            if (!inputScopes.add(scope.name())) {
                problems.add(new Problem(Problem.Severity.ERROR, scope.kind(), scope.index(), scope.name(), "Name", "is defined twice in the input"));
                continue;
            }
            scopeItems.add(item(scope.name(), scope.state(), realm.scopeState(scope.name()), key -> key));
        }

        List<SeedReview.Item> clientItems = new ArrayList<>();
        Set<String> clientIds = new LinkedHashSet<>();
        Set<String> known = new HashSet<>(realm.scopeNames());
        known.addAll(inputScopes);
        known.add("openid");
        for (DesiredClient client : input.clients()) {
            int i = client.index();
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
                            "names '" + scope + "', which is not a scope of realm '" + realm.realmName() + "'"
                                    + (input.scopes().isEmpty() ? "" : " nor defined in the input")));
                }
            }
            SortedMap<String, String> actual = realm.clientState(client.clientId());
            RefreshLifetimes.capSessions(client.state(), realm, actual);
            SeedReview.Item item = item(client.clientId(), client.state(), actual, ClientFieldTable::source);
            String registrar = Takeover.registrar(client.state(), actual);
            if (registrar != null) {
                item = Takeover.item(item, registrar);
                problems.add(Takeover.warning(client, registrar));
            }
            clientItems.add(item);
        }
        if (prune) {
            for (String seeded : new TreeSet<>(realm.seededClientIds())) {
                if (!clientIds.contains(seeded)) {
                    clientItems.add(new SeedReview.Item(seeded, SeedReview.Action.DELETE, List.of(), List.of(), null));
                }
            }
        }
        problems.sort(INPUT_ORDER);
        return new SeedReview(realm.realmName(), scopeItems, clientItems, problems);
    }

    private static SeedReview.Item item(String name, SortedMap<String, String> desired, SortedMap<String, String> actual,
                                        UnaryOperator<String> source) {
        if (actual == null) {
            return new SeedReview.Item(name, SeedReview.Action.CREATE, List.of(), List.of(), desired);
        }
        List<String> fields = new ArrayList<>();
        Set<String> changes = new LinkedHashSet<>();
        desired.forEach((key, value) -> {
            if (!value.equals(actual.getOrDefault(key, ""))) {
                fields.add(key);
                changes.add(source.apply(key));
            }
        });
        SeedReview.Action action = fields.isEmpty() ? SeedReview.Action.UNCHANGED : SeedReview.Action.UPDATE;
        return new SeedReview.Item(name, action, List.copyOf(changes), fields, desired);
    }
}
