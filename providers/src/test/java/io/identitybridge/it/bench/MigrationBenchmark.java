package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.Is4Database;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.MigrateCommand;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: a site's migration end to end at N clients (default 10,000). An IdentityServer4 4.x database
 * ({@link Is4Database#bulkClients}: hashed secrets, an expired second secret on every 40th client, authorization_code
 * with redirect URIs on every 5th, claims, properties), then the migration command, then three cold boots of the same
 * distribution, in one run: the realm file alone, the realm file plus the command's output as {@code clients-file}, and
 * the realm file with the same clients as Keycloak realm JSON ({@code --import-realm}). Prints the boot seed's own time
 * (its log line), each boot's extra time over the bare boot and their ratio, then sampled tokens with the original
 * secrets, an expired secret refused (told apart from the same client's current one by its error description), and the
 * dry run's plan against the seeded server. Run it with {@code scripts/bench-migration.sh}.
 */
public final class MigrationBenchmark {

    private static final List<String> SIDES = List.of("bare", "clients-file", "import-realm");
    /** The description of a wrong (or expired) secret, ours as Keycloak's. */
    private static final String BAD_CREDENTIALS = "Invalid client or Invalid client credentials";
    private static final Pattern SEEDED = Pattern.compile("Identity Bridge seeded realm 'creatio' from .* in (\\d+) ms: (.*)");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean postgres = args.length > 1 && args[1].equals("postgres");
        // Which cold boots to run: all three by default; "bare,clients-file" skips Keycloak's import, which takes
        // ~160 ms a client (about 25 minutes at 10,000), for a profile or a quick check of the seed alone.
        List<String> sides = List.of((args.length > 2 ? args[2] : String.join(",", SIDES)).split(","));
        if (sides.isEmpty() || !SIDES.containsAll(sides)) {
            throw new IllegalArgumentException("sides: a comma-separated subset of " + SIDES + ", not " + sides);
        }
        TestDatabase pg = TestDatabase.cluster();
        if (pg == null) {
            throw new IllegalStateException("the IdentityServer4 database needs PostgreSQL: run eval \"$(scripts/postgres-for-tests.sh)\" first");
        }
        System.out.printf("Keycloak %s on %s, %d clients%n", System.getProperty("ib.keycloak.version"), postgres ? "PostgreSQL" : "H2", n);
        long t0 = System.nanoTime();
        new Is4Database(pg, "ib_is4_bench", true).bulkClients(n);
        System.out.printf("IdentityServer4 database generated in %.1f s%n", seconds(t0));

        Path out = Install.workDir().resolve("migration-bench/clients.json");
        Files.createDirectories(out.getParent());
        Files.deleteIfExists(out);
        long t1 = System.nanoTime();
        MigrateCommand.Result migrated = MigrateCommand.run(List.of("--jdbc-url", pg.url() + "?currentSchema=ib_is4_bench",
                "--db-user", pg.user(), "--out", out.toString()), Map.of("IB_DB_PASSWORD", pg.password()));
        double commandSeconds = seconds(t1);
        if (migrated.exit() != 0) {
            throw new IllegalStateException("the migration command failed:\n" + migrated.output());
        }
        System.out.printf("migration command: %.1f s, %d bytes written%n  %s%n", commandSeconds, Files.size(out),
                migrated.output().lines().filter(l -> l.startsWith("Summary")).findFirst().orElse("(no summary line)"));

        Path home = Path.of(Install.required("ib.keycloak.home"));
        Double bare = sides.contains("bare") ? boot(home, postgres, "bare", Map.of(), null, n).seconds : null;
        Boot seeded = sides.contains("clients-file")
                ? boot(home, postgres, "clients-file", Map.of("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", out.toString()), null, n) : null;
        Double imported = sides.contains("import-realm") ? boot(home, postgres, "import-realm", Map.of(), realmWithClients(n), n).seconds : null;

        if (bare != null) {
            System.out.printf("%nboot with the realm file only:                          %6.1f s%n", bare);
        }
        if (seeded != null) {
            System.out.printf("boot seed of %d clients (clients-file), its own log line: %6.1f s  (%s)%n", n, seeded.seedMs / 1000.0, seeded.summary);
            System.out.printf("boot + clients-file:  %6.1f s%s%n", seeded.seconds, bare == null ? "" : String.format(", %6.1f s over the bare boot", seeded.seconds - bare));
        }
        if (imported != null) {
            System.out.printf("boot + --import-realm of the same clients as realm JSON: %6.1f s%s%n", imported,
                    bare == null ? "" : String.format(", %6.1f s over the bare boot", imported - bare));
        }
        if (bare != null && seeded != null && imported != null) {
            System.out.printf("ratio (clients-file extra / --import-realm extra): %.2f  (below 1: the seed is faster)%n",
                    (seeded.seconds - bare) / (imported - bare));
        }
        if (seeded != null) {
            System.out.printf("sampled tokens with the original secrets: %s; expired secret refused: %s%n", seeded.tokens, seeded.expiredRefused);
            System.out.printf("dry run against the seeded server: %s%n", seeded.dryRun);
        }
    }

    private record Boot(double seconds, long seedMs, String summary, String tokens, String expiredRefused, String dryRun) {
    }

    /** A cold boot: a fresh database, the realm file (or {@code realmJson} in its place), ready when it returns. */
    private static Boot boot(Path home, boolean postgres, String name, Map<String, String> extra, Path realmJson, int n) throws IOException {
        Install.bundleInto(home);
        if (realmJson != null) {
            Files.copy(realmJson, home.resolve("data/import/creatio-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new HashMap<>(extra);
        if (postgres) {
            TestDatabase db = TestDatabase.suite();
            db.resetSchema();
            env.putAll(db.keycloakEnv());
        }
        long t0 = System.nanoTime();
        try (KeycloakServer kc = KeycloakServer.start(home, env, List.of(), Install.workDir().resolve("migration-bench/" + name + ".log"))) {
            double s = seconds(t0);
            System.out.printf("boot %-13s ready in %6.1f s%n", name, s);
            Matcher m = SEEDED.matcher(kc.log());
            if (!m.find()) {
                return new Boot(s, 0, "", "", "", "");
            }
            return new Boot(s, Long.parseLong(m.group(1)), m.group(2), sampleTokens(kc, n), expiredRefused(kc), dryRun(kc));
        }
    }

    /** Ten client_credentials clients spread over the range, with the plaintext secrets the IS4 database hashed. */
    private static String sampleTokens(KeycloakServer kc, int n) {
        int ok = 0;
        int tried = 0;
        for (int g = 1; tried < 10 && g <= n; g += Math.max(1, n / 10) + 1) {
            if (g % 5 == 0) {
                g++;
            }
            tried++;
            ok += token(kc, String.format("BulkMigratedClient%05d", g), Is4Database.bulkSecret(g)).status() == 200 ? 1 : 0;
        }
        return ok + "/" + tried;
    }

    /** Every 40th client's second secret expired in IS4: refused as a wrong secret, while its current one authenticates. */
    private static String expiredRefused(KeycloakServer kc) {
        Http.Response expired = token(kc, "BulkMigratedClient00040", "bulk-it-expired-40");
        // An authorization_code client: with its current secret it is authenticated, then refused the grant.
        Http.Response current = token(kc, "BulkMigratedClient00040", Is4Database.bulkSecret(40));
        // Both answer 401 unauthorized_client (Keycloak's error for bad credentials too): the description tells them apart.
        boolean ok = expired.status() == 401 && expired.body().contains(BAD_CREDENTIALS) && !current.body().contains(BAD_CREDENTIALS)
                && current.body().contains("\"unauthorized_client\"");
        return (ok ? "yes" : "NO") + " (expired secret: " + expired.status() + " " + error(expired) + "; current secret: "
                + current.status() + " " + error(current) + ")";
    }

    private static String error(Http.Response r) {
        Matcher m = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"").matcher(r.body());
        Matcher d = Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]*)\"").matcher(r.body());
        return (m.find() ? m.group(1) : "") + (d.find() ? " \"" + d.group(1) + "\"" : "");
    }

    private static Http.Response token(KeycloakServer kc, String clientId, String secret) {
        return Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials"), clientId, secret);
    }

    private static String dryRun(KeycloakServer kc) {
        TestDatabase pg = TestDatabase.cluster();
        MigrateCommand.Result r = MigrateCommand.run(List.of("--jdbc-url", pg.url() + "?currentSchema=ib_is4_bench", "--db-user", pg.user(),
                "--out", Install.workDir().resolve("migration-bench/dry-run.json").toString(), "--dry-run",
                "--keycloak-url", kc.baseUrl(), "--realm", "creatio"), Map.of("IB_DB_PASSWORD", pg.password(), "IB_KEYCLOAK_TOKEN", kc.adminToken()));
        return r.output().lines().filter(l -> l.startsWith("Seeder's plan")).findFirst().orElse("exit " + r.exit() + ", no plan line");
    }

    /** The realm file with the same clients as Keycloak representations: plaintext secrets, the scope, claims as mappers. */
    private static Path realmWithClients(int n) throws IOException {
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Install.topDir().resolve("realm-import/creatio-realm.json").toFile());
        ObjectNode scope = ((ArrayNode) realm.withArray("clientScopes")).addObject().put("name", "bulk.api").put("protocol", "openid-connect");
        scope.putObject("attributes").put("include.in.token.scope", "true");
        ArrayNode clients = realm.withArray("clients");
        for (int g = 1; g <= n; g++) {
            boolean code = g % 5 == 0;
            ObjectNode c = clients.addObject().put("clientId", String.format("BulkMigratedClient%05d", g)).put("name", "Bulk migrated client " + g)
                    .put("secret", Is4Database.bulkSecret(g)).put("publicClient", false).put("protocol", "openid-connect")
                    .put("serviceAccountsEnabled", !code).put("standardFlowEnabled", code);
            if (code) {
                c.putArray("redirectUris").add("https://app" + g + ".bulk.example.test/signin-oidc").add("https://app" + g + ".bulk.example.test/signin-oidc-fallback");
                c.putObject("attributes").put("post.logout.redirect.uris", "https://app" + g + ".bulk.example.test/signout-callback-oidc")
                        .put("pkce.code.challenge.method", "S256");
            }
            c.putArray("optionalClientScopes").add("bulk.api");
            ArrayNode mappers = c.putArray("protocolMappers");
            for (String claim : List.of("tenant", "region")) {
                ObjectNode m = mappers.addObject().put("name", claim).put("protocol", "openid-connect").put("protocolMapper", "oidc-hardcoded-claim-mapper");
                m.putObject("config").put("claim.name", claim).put("claim.value", claim + "-" + (g % 97)).put("access.token.claim", "true");
            }
        }
        Path file = Install.workDir().resolve("migration-bench/creatio-realm-with-clients.json");
        Files.writeString(file, Http.JSON.writeValueAsString(realm));
        return file;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private MigrationBenchmark() {
    }
}
