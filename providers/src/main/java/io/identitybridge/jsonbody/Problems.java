package io.identitybridge.jsonbody;

import io.identitybridge.vocabulary.Problem;

import java.util.List;
import java.util.function.Function;

/**
 * Where the problems of a body go, as its caller chooses: the seed input collects every one, so that an administrator
 * sees them all at once; an API request stops at the first error, which the caller turns into its answer.
 */
public final class Problems {

    private final String kind;
    private final Integer index;
    private final List<Problem> into;
    private final Function<Problem, ? extends RuntimeException> stop;
    private String owner;

    private Problems(String kind, Integer index, List<Problem> into, Function<Problem, ? extends RuntimeException> stop) {
        this.kind = kind;
        this.index = index;
        this.into = into;
        this.stop = stop;
    }

    /** Every problem into {@code into}, naming the {@code kind} ("client", "scope") and its position. */
    public static Problems collect(String kind, Integer index, List<Problem> into) {
        return new Problems(kind, index, into, null);
    }

    /** The first error thrown as {@code stop} makes it; warnings have no place in such an answer and are dropped. */
    public static Problems stopAtFirst(Function<Problem, ? extends RuntimeException> stop) {
        return new Problems(null, null, null, stop);
    }

    /** The ClientId or scope name, once known, so that later problems name it. */
    public void owner(String owner) {
        this.owner = owner;
    }

    public void error(String field, String message) {
        Problem p = new Problem(Problem.Severity.ERROR, kind, index, owner, field, message);
        if (stop != null) {
            throw stop.apply(p);
        }
        into.add(p);
    }

    public void warning(String field, String message) {
        if (into != null) {
            into.add(new Problem(Problem.Severity.WARNING, kind, index, owner, field, message));
        }
    }
}
