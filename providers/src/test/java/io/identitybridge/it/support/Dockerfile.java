package io.identitybridge.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker reads it: continuation lines joined, comments dropped, one instruction per line, build
 * arguments substituted. Only what {@link DockerfileReplay} needs; anything it cannot interpret fails loudly.
 */
public record Dockerfile(List<Instruction> instructions) {

    public record Instruction(int line, String keyword, String args) {

        /** Exec form ({@code ["a","b"]}) as a list; shell form split on blanks. */
        public List<String> words() {
            if (args.startsWith("[")) {
                try {
                    List<String> out = new ArrayList<>();
                    for (JsonNode n : Http.JSON.readTree(args)) {
                        out.add(n.asText());
                    }
                    return out;
                } catch (JsonProcessingException e) {
                    throw fail("not a JSON array: " + args);
                }
            }
            return Arrays.stream(args.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        }

        /** {@code --name=value} flags before the first plain word (COPY --from=jar …). */
        public Map<String, String> flags() {
            Map<String, String> flags = new HashMap<>();
            for (String w : words()) {
                if (!w.startsWith("--")) {
                    break;
                }
                int eq = w.indexOf('=');
                flags.put(w.substring(2, eq < 0 ? w.length() : eq), eq < 0 ? "" : w.substring(eq + 1));
            }
            return flags;
        }

        /** The words after the flags. */
        public List<String> operands() {
            return words().stream().filter(w -> !w.startsWith("--")).toList();
        }

        public IllegalStateException fail(String why) {
            return new IllegalStateException("Dockerfile line " + line + " (" + keyword + " " + args + "): " + why);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    public static Dockerfile parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (pending.isEmpty()) {
                start = i + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            pending.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String whole = pending.toString().strip();
                pending.setLength(0);
                int blank = whole.indexOf(' ');
                String keyword = (blank < 0 ? whole : whole.substring(0, blank)).toUpperCase();
                out.add(new Instruction(start, keyword, blank < 0 ? "" : whole.substring(blank + 1).strip()));
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Dockerfile ends inside a continued line");
        }
        return new Dockerfile(out);
    }

    /** Replaces {@code ${NAME}} and {@code $NAME} with build arguments; an unknown one fails. */
    public static String substitute(Instruction at, String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw at.fail("$" + name + " has no value the replay knows");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
