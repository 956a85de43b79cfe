package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stage 3a of seeding: the desired state compared with the realm. Per client and per scope what would be done, and
 * every problem: what a dry run shows. Only a review without errors becomes a {@link SeedPlan}.
 */
public final class SeedReview {

    public enum Action { CREATE, UPDATE, UNCHANGED, DELETE }

    /**
     * One client or scope. {@code changes} names the IS4 properties an administrator wrote, {@code fields} the
     * Keycloak fields behind them; {@code desired} is the full wanted state (null for a delete), fixed once planned.
     * {@code takesOverFrom} is the registrar (its ClientId) whose client this update takes over, else null.
     */
    public record Item(String name, Action action, List<String> changes, List<String> fields, SortedMap<String, String> desired,
                       String takesOverFrom) {

        public Item {
            changes = List.copyOf(changes);
            fields = List.copyOf(fields);
            desired = desired == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(desired));
        }

        public Item(String name, Action action, List<String> changes, List<String> fields, SortedMap<String, String> desired) {
            this(name, action, changes, fields, desired, null);
        }
    }

    private final String realm;
    private final List<Item> scopes;
    private final List<Item> clients;
    private final List<Problem> problems;

    /** Only {@link SeedPlanner} reviews, so that a {@link SeedPlan} always stands on a real comparison with the realm. */
    SeedReview(String realm, List<Item> scopes, List<Item> clients, List<Problem> problems) {
        this.realm = realm;
        this.scopes = List.copyOf(scopes);
        this.clients = List.copyOf(clients);
        this.problems = List.copyOf(problems);
    }

    public String realm() {
        return realm;
    }

    public List<Item> scopes() {
        return scopes;
    }

    public List<Item> clients() {
        return clients;
    }

    public List<Problem> problems() {
        return problems;
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

    /** The plan to apply, or empty while any problem is an error. */
    public Optional<SeedPlan> plan() {
        return valid() ? Optional.of(new SeedPlan(this)) : Optional.empty();
    }

    /** "3 created, 1 updated, 0 unchanged, 0 deleted": the words the log and the console show. */
    public String summary() {
        return String.format("%d created, %d updated, %d unchanged, %d deleted", count(Action.CREATE), count(Action.UPDATE),
                count(Action.UNCHANGED), count(Action.DELETE));
    }
}
