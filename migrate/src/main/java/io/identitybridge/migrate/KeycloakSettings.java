package io.identitybridge.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Keycloak options that follow from the old service's settings, as conf-file lines and as environment variables. */
final class KeycloakSettings {

    /**
     * Our options' prefix. This command runs without the providers' jar, so MigrationCommandOptionsTest (providers)
     * holds this copy, and every option printed here, to the providers' table config.Options.
     */
    static final String SPI = "spi-identity-bridge--default--";
    static final String PASSWORD_PLACEHOLDER = "<the database password>";
    static final String PFX_PASSWORD_PLACEHOLDER = "<the PFX password, or empty>";

    private KeycloakSettings() {
    }

    static void print(PrintStream out, JdbcTarget db, AppSettings app, Path clientsFile) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (db != null) {
            settings.put("db", db.kind().keycloakDb());
            settings.put("db-url", db.url());
            if (db.user() != null) {
                settings.put("db-username", db.user());
                settings.put("db-password", PASSWORD_PLACEHOLDER);
            }
        }
        if (app != null && app.logLevel() != null) {
            settings.put("log-level", AppSettings.keycloakLogLevel(app.logLevel()));
        }
        if (app != null && app.certificatePath() != null) {
            settings.put(SPI + "signing-certificate-file", app.certificatePath());
            settings.put(SPI + "signing-certificate-password", PFX_PASSWORD_PLACEHOLDER);
        }
        if (clientsFile != null) {
            settings.put(SPI + "clients-file", clientsFile.toAbsolutePath().toString());
        }
        out.println();
        out.println("Keycloak settings (conf/keycloak.conf lines):");
        if (db != null) {
            out.println("# The Identity Service kept its tables in Creatio's database; Keycloak may use the same server,"
                    + " but give it a database (or schema) of its own.");
        }
        settings.forEach((k, v) -> out.println(k + "=" + v));
        if (app != null && app.certificatePath() != null) {
            out.println("# " + SPI + "signing-key-id=<kid>  (default <SHA-1 THUMBPRINT><alg> as IdentityServer4 4.x;"
                    + " IdentityServer4 3.x used the thumbprint alone: read the kid of a token the old service issued)");
        }
        out.println();
        out.println("The same as environment variables:");
        settings.forEach((k, v) -> out.println(env(k) + "=" + v));
        if (app != null && app.certificatePath() != null) {
            out.println("# " + env(SPI + "signing-key-id") + "=<kid>");
        }
        if (app != null && app.redis()) {
            out.println();
            out.println("RedisConnection: not needed. IdentityServer4 kept ASP.NET data-protection keys (cookies, anti-forgery)"
                    + " in Redis so that several instances could share them; Keycloak keeps its keys in its database and shares"
                    + " sessions between nodes through its own caches.");
        }
    }

    /** Keycloak's environment spelling: KC_ prefix, upper case, dashes as underscores. */
    static String env(String option) {
        return "KC_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
