package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar identity-bridge-migrate-cli-<version>.jar ...}: reads a running Identity Service's IdentityServer4 tables and
 * writes the seed input that Identity Bridge's seeder applies ({@code clients-file}, or the seed admin endpoint).
 * Passwords come from the environment, never from the command line.
 */
public final class Main {

    /** The runnable jar's name as migrate/pom.xml's shade plugin writes it. */
    static final String JAR = "identity-bridge-migrate-cli-" + version() + ".jar";

    static final String USAGE = """
            Usage: java -jar %s SOURCE [--out FILE] [--schema NAME] [--dry-run TARGET]
            SOURCE, one of:
              --appsettings FILE          the old Identity Service's appsettings.json (DbProvider, connection string,
                                          X509CertificatePath, Logging.LogLevel.Default)
              --connection-string TEXT    Creatio's ADO.NET connection string (or env IB_CONNECTION_STRING)
              --connection-strings-config FILE [--connection-name NAME (default db)]   Creatio's ConnectionStrings.config
                [--db-provider Postgres|MsSqlServer]
              --jdbc-url URL [--db-user NAME]   password in env IB_DB_PASSWORD
            --out FILE                    seed input to write (default identity-bridge-clients.json), mode 600
            --schema NAME                 schema of the IdentityServer4 tables (default: the connection's)
            --dry-run                     write nothing; print the seeder's plan against the target realm:
              --keycloak-url URL [--realm NAME (default creatio)]
              --keycloak-user NAME        master-realm administrator, password in env IB_KEYCLOAK_PASSWORD
                                          (or a bearer token in env IB_KEYCLOAK_TOKEN)
              --dry-run-part-bytes N      largest request body (default 1000000); a larger input is planned in
                                          parts whose plans are merged
            """.formatted(JAR);

    private Main() {
    }

    /** This build's version, stamped into build.properties by Maven. */
    static String version() {
        Properties props = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version", "unknown");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv()));
    }

    public static int run(String[] args, PrintStream out, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
        try {
            return migrate(options, out);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            // Driver messages name hosts and tables, not passwords.
            out.println("error: the database answered: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("error: " + PlanClient.describe(e));
            return 1;
        }
    }

    private static int migrate(Options options, PrintStream out) throws Exception {
        JdbcTarget db = options.target();
        db.notes().forEach(n -> out.println("note: " + n));
        out.println("Reading IdentityServer4 tables from " + db.url());
        Is4Reader.Result r;
        Properties props = new Properties();
        if (db.user() != null) {
            props.setProperty("user", db.user());
            props.setProperty("password", db.password() == null ? "" : db.password());
        }
        try (Connection c = DriverManager.getConnection(db.url(), props)) {
            c.setReadOnly(true);
            r = new Is4Reader(new Tables(c, options.schema())).read(n -> out.println("progress: " + n + " clients read"));
        }

        out.println();
        out.printf("Summary (%s): %d clients, %d secrets moved as their IS4 hashes, %d expired secrets dropped, %d scopes%n",
                r.layout(), r.clients().size(), r.secrets(), r.expiredSecrets(), r.scopes().size());
        if (r.persistedGrants() >= 0) {
            out.println("PersistedGrants: " + r.persistedGrants() + " cannot move (refresh and reference tokens are kept under"
                    + " SHA256(handle + \":\" + type)); their users sign in again; client_credentials integrations are unaffected");
        }
        if (r.deviceCodes() > 0) {
            out.println("DeviceCodes: " + r.deviceCodes() + " pending device authorizations cannot move; the devices start again");
        }
        r.notes().forEach(n -> out.println("note: " + n));

        if (options.dryRun()) {
            PlanClient plan = new PlanClient(options.keycloakUrl(), options.realm(), options.partBytes());
            String token = options.keycloakToken() != null ? options.keycloakToken() : plan.login(options.keycloakUser(), options.keycloakPassword());
            boolean valid = plan.plan(r.clients(), r.scopes(), token, out);
            KeycloakSettings.print(out, db, options.appSettings(), options.out());
            return valid ? 0 : 3;
        }
        ObjectNode doc = Is4Reader.JSON.createObjectNode();
        doc.set("Clients", r.clients());
        doc.set("Scopes", r.scopes());
        OwnerOnlyFile.write(options.out(), Is4Reader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        out.println();
        out.println("Wrote " + options.out().toAbsolutePath() + " (owner-only, mode 600; it holds secret hashes)");
        KeycloakSettings.print(out, db, options.appSettings(), options.out());
        return 0;
    }

    /** The command line, checked. */
    record Options(JdbcTarget target, AppSettings appSettings, String schema, Path out, boolean dryRun, String keycloakUrl,
                   String realm, String keycloakUser, String keycloakPassword, String keycloakToken, int partBytes) {

        static Options parse(String[] args, Map<String, String> env) {
            Map<String, String> a = new java.util.LinkedHashMap<>();
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                String k = args[i];
                if (k.equals("--dry-run")) {
                    dryRun = true;
                } else if (k.equals("--help") || k.equals("-h")) {
                    throw new IllegalArgumentException("help");
                } else if (k.startsWith("--") && i + 1 < args.length) {
                    if (a.put(k, args[++i]) != null) {
                        throw new IllegalArgumentException(k + " is given twice");
                    }
                } else {
                    throw new IllegalArgumentException("'" + k + "' is not an option, or has no value");
                }
            }
            for (String k : a.keySet()) {
                if (!java.util.Set.of("--appsettings", "--connection-string", "--connection-strings-config", "--connection-name", "--db-provider", "--jdbc-url", "--db-user", "--out",
                        "--schema", "--keycloak-url", "--realm", "--keycloak-user", "--dry-run-part-bytes").contains(k)) {
                    throw new IllegalArgumentException("unknown option " + k);
                }
            }
            String schema = a.get("--schema");
            if (schema != null && !Tables.isIdentifier(schema)) {
                throw new IllegalArgumentException("--schema must be a plain identifier: 1 to 128 letters, digits and '_'"
                        + " (it is written into the SQL that reads the IdentityServer4 tables)");
            }
            AppSettings app = a.containsKey("--appsettings") ? AppSettings.read(Path.of(a.get("--appsettings"))) : null;
            String connection = a.getOrDefault("--connection-string", env.get("IB_CONNECTION_STRING"));
            if (a.containsKey("--connection-strings-config")) {
                if (connection != null) {
                    throw new IllegalArgumentException("give --connection-string or --connection-strings-config, not both");
                }
                connection = ConnectionStringsConfig.read(Path.of(a.get("--connection-strings-config")), a.getOrDefault("--connection-name", "db"));
            }
            JdbcTarget target;
            int sources = (app != null ? 1 : 0) + (connection != null ? 1 : 0) + (a.containsKey("--jdbc-url") ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException("give exactly one of --appsettings, --connection-string (or --connection-strings-config), --jdbc-url");
            }
            if (a.containsKey("--jdbc-url")) {
                String url = a.get("--jdbc-url");
                JdbcTarget.Kind kind = JdbcTarget.Kind.ofUrl(url);
                if (kind == null) {
                    throw new IllegalArgumentException("--jdbc-url must start with jdbc:postgresql: or jdbc:sqlserver:");
                }
                target = new JdbcTarget(kind, url, a.get("--db-user"), env.get("IB_DB_PASSWORD"), java.util.List.of());
            } else if (connection != null) {
                target = AdoNetConnectionString.toJdbc(connection, a.get("--db-provider"));
            } else {
                if (app.connectionString() == null) {
                    throw new IllegalArgumentException("--appsettings has none of " + AppSettings.CONNECTION_NAMES + " (top level or under ConnectionStrings)");
                }
                target = AdoNetConnectionString.toJdbc(app.connectionString(), a.getOrDefault("--db-provider", app.dbProvider()));
            }
            String url = a.get("--keycloak-url");
            String token = env.get("IB_KEYCLOAK_TOKEN");
            if (dryRun && url == null) {
                throw new IllegalArgumentException("--dry-run needs --keycloak-url");
            }
            if (dryRun && token == null && (a.get("--keycloak-user") == null || env.get("IB_KEYCLOAK_PASSWORD") == null)) {
                throw new IllegalArgumentException("--dry-run needs --keycloak-user with env IB_KEYCLOAK_PASSWORD, or env IB_KEYCLOAK_TOKEN");
            }
            return new Options(target, app, schema, Path.of(a.getOrDefault("--out", "identity-bridge-clients.json")), dryRun,
                    url, a.getOrDefault("--realm", "creatio"), a.get("--keycloak-user"), env.get("IB_KEYCLOAK_PASSWORD"), token,
                    partBytes(a.get("--dry-run-part-bytes")));
        }

        private static int partBytes(String value) {
            if (value == null) {
                return PlanClient.DEFAULT_PART_BYTES;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 10_000 && n <= 100_000_000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("--dry-run-part-bytes must be a number of bytes from 10000 to 100000000");
        }

        @Override
        public String toString() {
            return "Options[" + target + ", out=" + out + ", dryRun=" + dryRun + "]";
        }
    }
}
