package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import java.util.List;
import java.util.SortedMap;

/**
 * The outcome of comparing an input with the realm: per client and per scope what would be done, and every problem.
 * A plan with an error is never applied, not even in part.
 */
public record SeedPlan(String realm, List<Item> scopes, List<Item> clients, List<Problem> problems) {

    public enum Action { CREATE, UPDATE, UNCHANGED, DELETE }

    /**
     * One client or scope. {@code changes} names the IS4 properties an administrator wrote, {@code fields} the
     * Keycloak fields behind them; {@code desired} is the full wanted state (null for a delete).
     */
    public record Item(String name, Action action, List<String> changes, List<String> fields, SortedMap<String, String> desired) {
    }

    public boolean valid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public boolean changesNothing() {
        return scopes.stream().allMatch(i -> i.action() == Action.UNCHANGED)
                && clients.stream().allMatch(i -> i.action() == Action.UNCHANGED);
    }

    public long count(Action action) {
        return scopes.stream().filter(i -> i.action() == action).count() + clients.stream().filter(i -> i.action() == action).count();
    }
}
