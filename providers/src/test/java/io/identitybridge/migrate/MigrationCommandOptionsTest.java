package io.identitybridge.migrate;

import io.identitybridge.config.Option;
import io.identitybridge.config.Options;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration command cannot use the providers' table (it runs without them), so it keeps its own copy of the
 * option prefix: every option it prints must be one of {@link Options}, in both spellings.
 */
class MigrationCommandOptionsTest {

    @Test
    void theMigrationCommandsPrefixIsTheTables() {
        assertEquals(Options.REALM.conf().substring(0, Options.REALM.conf().length() - Options.REALM.name().length()), KeycloakSettings.SPI);
    }

    @Test
    void everyOptionOfOursTheMigrationCommandPrintsIsInTheTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AppSettings app = new AppSettings(null, null, null, "/app/old.pfx", null, false);
        KeycloakSettings.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), null, app, Path.of("/srv/clients.json"));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("^# ", "")).toList();
        Set<String> conf = Options.ALL.stream().map(Option::conf).collect(Collectors.toSet());
        Set<String> env = Options.ALL.stream().map(Option::env).collect(Collectors.toSet());
        List<String> ours = lines.stream().filter(l -> l.startsWith(KeycloakSettings.SPI)).map(l -> l.substring(0, l.indexOf('='))).toList();
        List<String> oursEnv = lines.stream().filter(l -> l.startsWith(KeycloakSettings.env(KeycloakSettings.SPI)))
                .map(l -> l.substring(0, l.indexOf('='))).toList();
        assertEquals(4, ours.size(), String.join("\n", lines));
        assertEquals(4, oursEnv.size(), String.join("\n", lines));
        assertTrue(conf.containsAll(ours), ours.toString());
        assertTrue(env.containsAll(oursEnv), oursEnv.toString());
    }
}
