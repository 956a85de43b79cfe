package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import java.util.List;

/** The input cannot be applied; carries every problem found, never a secret. */
public class SeedInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public SeedInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("Identity Bridge client seed input is invalid (")
                .append(problems.stream().filter(Problem::isError).count()).append(" error(s)):");
        problems.forEach(p -> sb.append("\n  - ").append(p));
        return sb.toString();
    }
}
