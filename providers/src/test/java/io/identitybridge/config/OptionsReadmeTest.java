package io.identitybridge.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's options table says what {@link Options} says: every option, its three spellings and its default. */
class OptionsReadmeTest {

    private static final String HEADER = "| CLI option | environment variable | conf-file line | default | meaning |";

    @Test
    void theReadmeTableListsEveryOptionWithItsSpellingsAndDefaultInTheTablesOrder() throws IOException {
        List<String> expected = Options.ALL.stream()
                .map(o -> String.join(" | ", "`" + o.cli() + "`", "`" + o.env() + "`", "`" + o.conf() + "=`", o.readmeDefault()))
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n", readmeRows()));
    }

    @Test
    void optionsAreAlphabeticalWithinTheirProviderSoThatBranchesAddingOptionsMergeCleanly() {
        List<Option> sorted = new ArrayList<>(Options.ALL);
        sorted.sort(Comparator.comparing((Option o) -> Options.ALL.indexOf(firstOfProvider(o))).thenComparing(Option::name));
        assertEquals(Options.ALL.stream().map(Option::conf).toList(), sorted.stream().map(Option::conf).toList());
    }

    @Test
    void everyDefaultIsAValueTheOptionAccepts() {
        for (Option o : Options.ALL) {
            if (o.type() == Option.Type.INTEGER) {
                int d = (Integer) o.defaultValue();
                assertTrue(o.min() <= d && d <= o.max(), o.name());
            } else if (o.type() == Option.Type.CHOICE) {
                assertTrue(o.defaultValue() == null || o.choices().contains(o.defaultValue()), o.name());
            } else if (o.type() == Option.Type.BOOLEAN) {
                assertEquals(false, o.defaultValue(), o.name());
            }
        }
    }

    private static Option firstOfProvider(Option o) {
        return Options.ALL.stream().filter(p -> p.spi().equals(o.spi()) && p.provider().equals(o.provider())).findFirst().orElseThrow();
    }

    /** The first four cells of every row of the options table (the meaning is the README's own). */
    private static List<String> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int at = lines.indexOf(HEADER);
        assertTrue(at >= 0, "README.md has no options table starting with " + HEADER);
        List<String> rows = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).substring(2).split(" \\| ", 5);
            rows.add(String.join(" | ", List.of(cells).subList(0, 4)));
        }
        return rows;
    }
}
