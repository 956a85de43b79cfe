package io.identitybridge.it;

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
 * {@code --dry-run} on a site with 1,000 clients: one progress line per 100 clients, the seeder's plan from the real
 * server, nothing written (no file, no client), and no secret hash anywhere in what the command prints.
 */
@ExtendWith(RealKeycloak.class)
class MigrationDryRunIT {

    private static final int CLIENTS = 1000;
    private static KeycloakServer kc;
    private static TestDatabase db;

    @BeforeAll
    static void init(KeycloakServer server) {
        kc = server;
        db = TestDatabase.cluster();
        assumeTrue(db != null, "MigrationDryRunIT needs PostgreSQL: eval \"$(scripts/postgres-for-tests.sh)\" sets IB_TEST_PG_URL; skipped");
        Is4Database is4 = new Is4Database(db, "ib_is4_bulk", true);
        is4.client(1, "BulkMigratedClient0001", true, Map.of());
        is4.commit();
        // The other 999 rows copy the first, as a real site's many registered clients do; then a secret and a grant type each.
        is4.sql("INSERT INTO \"Clients\" SELECT g, \"Enabled\", 'BulkMigratedClient' || lpad(g::text, 4, '0'),"
                + " \"ProtocolType\", \"RequireClientSecret\", \"ClientName\", \"Description\", \"ClientUri\", \"LogoUri\", \"RequireConsent\","
                + " \"AllowRememberConsent\", \"AlwaysIncludeUserClaimsInIdToken\", \"RequirePkce\", \"AllowPlainTextPkce\", \"RequireRequestObject\","
                + " \"AllowAccessTokensViaBrowser\", \"FrontChannelLogoutUri\", \"FrontChannelLogoutSessionRequired\", \"BackChannelLogoutUri\","
                + " \"BackChannelLogoutSessionRequired\", \"AllowOfflineAccess\", \"IdentityTokenLifetime\", \"AllowedIdentityTokenSigningAlgorithms\","
                + " \"AccessTokenLifetime\", \"AuthorizationCodeLifetime\", \"ConsentLifetime\", \"AbsoluteRefreshTokenLifetime\","
                + " \"SlidingRefreshTokenLifetime\", \"RefreshTokenUsage\", \"UpdateAccessTokenClaimsOnRefresh\", \"RefreshTokenExpiration\","
                + " \"AccessTokenType\", \"EnableLocalLogin\", \"IncludeJwtId\", \"AlwaysSendClientClaims\", \"ClientClaimsPrefix\","
                + " \"PairWiseSubjectSalt\", \"Created\", \"Updated\", \"LastAccessed\", \"UserSsoLifetime\", \"UserCodeType\","
                + " \"DeviceCodeLifetime\", \"NonEditable\" FROM \"Clients\", generate_series(2, " + CLIENTS + ") g WHERE \"Id\" = 1;"
                + " INSERT INTO \"ClientSecrets\" (\"ClientId\", \"Value\", \"Type\", \"Created\") SELECT g,"
                + " encode(sha256(convert_to('bulk-it-secret-' || g || '-0123456789abcdefghij', 'UTF8')), 'base64'), 'SharedSecret', now()"
                + " FROM generate_series(1, " + CLIENTS + ") g;"
                + " INSERT INTO \"ClientGrantTypes\" (\"ClientId\", \"GrantType\") SELECT g, 'client_credentials' FROM generate_series(1, " + CLIENTS + ") g;");
    }

    @Test
    void dryRunOfAThousandClientsPrintsProgressEveryHundredAndThePlanButNoHashAndWritesNothing() throws IOException {
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
        assertTrue(r.output().contains("Summary (IdentityServer4 4.x): 1000 clients, 1000 secrets moved"), tail(r.output()));
        assertTrue(r.output().contains("Seeder's plan for realm 'creatio' (dry run, nothing written): 1000 create, 0 update"), tail(r.output()));
        assertTrue(r.output().contains("The seeder would apply this input."), tail(r.output()));

        for (int g = 1; g <= CLIENTS; g++) {
            String secret = "bulk-it-secret-" + g + "-0123456789abcdefghij";
            assertFalse(r.output().contains(Is4Database.sha256(secret)), "the hash of client " + g + "'s secret was printed");
        }
        assertFalse(Pattern.compile("[A-Za-z0-9+/]{43}=").matcher(r.output()).find(), "something shaped like a SHA-256 hash was printed");
        assertFalse(Files.exists(out), "--dry-run wrote the output file");
        assertEquals("[]", kc.admin("GET", "/realms/creatio/clients?clientId=BulkMigratedClient0500", null).body().strip(),
                "--dry-run created a client");
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
