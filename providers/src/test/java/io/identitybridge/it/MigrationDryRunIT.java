package io.identitybridge.it;

import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.Is4Database;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.MigrateCommand;
import io.identitybridge.it.support.RealKeycloak;
import io.identitybridge.it.support.TestDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --dry-run} on a site of 10,000 clients, whose seed input (13.9 MB even as compact JSON) is over Keycloak's
 * 10 MiB request limit: planned in parts, one progress line per 100 clients, the seeder's plan of every client from the
 * real server, nothing written (no file, no client), and no secret hash anywhere in what the command prints.
 */
@ExtendWith(RealKeycloak.class)
class MigrationDryRunIT {

    private static final int CLIENTS = 10_000;
    private static KeycloakServer kc;
    private static TestDatabase db;

    @BeforeAll
    static void init(KeycloakServer server) {
        kc = server;
        db = TestDatabase.cluster();
        assumeTrue(db != null, "MigrationDryRunIT needs PostgreSQL: eval \"$(scripts/postgres-for-tests.sh)\" sets IB_TEST_PG_URL; skipped");
        new Is4Database(db, "ib_is4_bulk", true).bulkClients(CLIENTS);
    }

    @Test
    void dryRunOfAnInputOverTenMegabytesPlansEveryClientInPartsWithProgressButNoHashAndWritesNothing() throws IOException {
        Path out = Install.workDir().resolve("migration-dry-run/clients.json");
        Files.deleteIfExists(out);
        MigrateCommand.Result r = MigrateCommand.run(List.of("--jdbc-url", db.url() + "?currentSchema=ib_is4_bulk", "--db-user", db.user(),
                "--out", out.toString(), "--dry-run", "--keycloak-url", kc.baseUrl(), "--realm", "creatio"),
                Map.of("IB_DB_PASSWORD", db.password(), "IB_KEYCLOAK_TOKEN", kc.adminToken()));
        assertEquals(0, r.exit(), tail(r.output()));

        Matcher m = Pattern.compile("(?m)^progress: (\\d+) clients read$").matcher(r.output());
        Set<Integer> seen = new HashSet<>();
        int lines = 0;
        while (m.find()) {
            lines++;
            seen.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(CLIENTS / 100, lines, "one progress line per 100 clients");
        for (int n = 100; n <= CLIENTS; n += 100) {
            assertTrue(seen.contains(n), "no progress line for " + n);
        }
        assertTrue(r.output().contains("Summary (IdentityServer4 4.x): 10000 clients, 10000 secrets moved as their IS4 hashes,"
                + " 250 expired secrets dropped, 1 scopes"), tail(r.output()));
        Matcher size = Pattern.compile("(?m)^Seed input: (\\d+) bytes as compact JSON, planned in (\\d+) part\\(s\\) of at most 1000000 bytes$")
                .matcher(r.output());
        assertTrue(size.find(), tail(r.output()));
        assertTrue(Long.parseLong(size.group(1)) > 10L * 1024 * 1024, "the input is not over Keycloak's 10 MiB limit: " + size.group());
        assertTrue(Integer.parseInt(size.group(2)) > 10, size.group());
        assertTrue(r.output().contains("Seeder's plan for realm 'creatio' (dry run, nothing written): 10001 create, 0 update"), tail(r.output()));
        assertEquals(CLIENTS, Pattern.compile("(?m)^  create client 'BulkMigratedClient\\d{5}'$").matcher(r.output()).results().count(),
                "one create line per client");
        assertTrue(r.output().contains("  create scope 'bulk.api'"), tail(r.output()));
        assertTrue(r.output().contains("The seeder would apply this input."), tail(r.output()));

        for (int g = 1; g <= CLIENTS; g += 97) {
            assertFalse(r.output().contains(Is4Database.sha256(Is4Database.bulkSecret(g))), "the hash of client " + g + "'s secret was printed");
        }
        assertFalse(Pattern.compile("[A-Za-z0-9+/]{43}=").matcher(r.output()).find(), "something shaped like a SHA-256 hash was printed");
        assertFalse(Files.exists(out), "--dry-run wrote the output file");
        assertEquals("[]", kc.admin("GET", "/realms/creatio/clients?clientId=BulkMigratedClient05000", null).body().strip(),
                "--dry-run created a client");
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
