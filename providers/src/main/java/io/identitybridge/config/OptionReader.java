package io.identitybridge.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads options by their {@link Option} entry and collects every problem, so that one failed start names every wrong
 * option at once; {@link #check()} stops the start with all of them. A wrong value reads as the default.
 */
public final class OptionReader {

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    /** {@code lookup} answers an option's value by its name, null when it is not set. */
    public OptionReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The value as given, or null when unset. */
    public String text(Option option) {
        return lookup.apply(option.name());
    }

    /** A whole number within the option's bounds. */
    public int integer(Option option) {
        String text = text(option);
        if (text == null) {
            return (Integer) option.defaultValue();
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < option.min() || v > option.max()) {
                problem(option, "is " + v + "; it must be between " + option.min() + " and " + option.max());
            }
            return v;
        } catch (NumberFormatException e) {
            problem(option, "'" + text + "' is not a whole number");
            return (Integer) option.defaultValue();
        }
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean bool(Option option) {
        String text = text(option);
        if (text == null) {
            return (Boolean) option.defaultValue();
        }
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problem(option, "'" + text + "' must be 'true' or 'false'");
        }
        return v.equals("true");
    }

    /** One of the option's choices, in any case; answers the choice as the table spells it. */
    public String choice(Option option) {
        String text = text(option);
        if (text == null) {
            return (String) option.defaultValue();
        }
        String v = text.strip();
        for (String c : option.choices()) {
            boolean upper = c.equals(c.toUpperCase(Locale.ROOT));
            if ((upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT)).equals(c)) {
                return c;
            }
        }
        List<String> choices = option.choices();
        problem(option, "'" + text + "' must be " + (choices.size() == 2
                ? "'" + choices.get(0) + "' or '" + choices.get(1) + "'" : "one of " + String.join(", ", choices)));
        return (String) option.defaultValue();
    }

    /** Records a problem with an option, to be reported by {@link #check()}. */
    public void problem(Option option, String what) {
        problems.add(option.cli() + " " + what);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Stops the start naming every problem found. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + String.join("; ", problems));
        }
    }

    /** A settings record's text with its options by name, secret ones only as "set" or "unset", in the table's order. */
    public static String describe(String type, Map<Option, Object> values) {
        Map<Option, Object> ordered = new LinkedHashMap<>();
        Options.ALL.stream().filter(values::containsKey).forEach(o -> ordered.put(o, values.get(o)));
        return ordered.entrySet().stream().map(e -> e.getKey().name() + "=" + shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", type + "[", "]"));
    }

    private static Object shown(Option option, Object value) {
        if (!option.secret()) {
            return value;
        }
        return value == null || value.toString().isEmpty() ? "unset" : "set";
    }
}
