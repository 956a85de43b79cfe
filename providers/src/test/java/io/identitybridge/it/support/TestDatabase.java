package io.identitybridge.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The PostgreSQL that {@code scripts/postgres-for-tests.sh} prepares. The suite server runs on it when
 * {@code -Dib.db=postgres} (Maven profile {@code postgres}); the multi-node tests use their own database.
 */
public record TestDatabase(String url, String user, String password) {

    /** The database of the multi-node tests, or null when the variables are not set. */
    public static TestDatabase cluster() {
        return fromEnv("IB_TEST_PG_URL");
    }

    /** The suite server's database, apart from the cluster tests' so that they may reset theirs. */
    public static TestDatabase suite() {
        return fromEnv("IB_TEST_PG_SUITE_URL");
    }

    /** True when the suite runs on PostgreSQL ({@code -Dib.db=postgres}). */
    public static boolean suiteOnPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("ib.db", "h2"));
    }

    private static TestDatabase fromEnv(String urlVariable) {
        String url = System.getenv(urlVariable);
        String user = System.getenv("IB_TEST_PG_USER");
        String password = System.getenv("IB_TEST_PG_PASSWORD");
        return url == null || user == null || password == null ? null : new TestDatabase(url, user, password);
    }

    /** Keycloak's database options for this database. */
    public Map<String, String> keycloakEnv() {
        return Map.of("KC_DB", "postgres", "KC_DB_URL", url, "KC_DB_USERNAME", user, "KC_DB_PASSWORD", password);
    }

    public void resetSchema() {
        sql("drop schema public cascade; create schema public");
    }

    /** Runs one statement with psql and returns its unaligned output. */
    public String sql(String statement) {
        String db = url.substring(url.lastIndexOf('/') + 1);
        String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", user, "-d", db, "-tAqc", statement)
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("psql could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
