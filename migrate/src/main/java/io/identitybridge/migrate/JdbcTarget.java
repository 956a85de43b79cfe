package io.identitybridge.migrate;

import java.util.List;

/**
 * Where to read: a JDBC URL without credentials, the user and the password apart (the password never printed), the
 * database kind, and notes on what the conversion changed.
 */
public record JdbcTarget(Kind kind, String url, String user, String password, List<String> notes) {

    /** The two databases Creatio runs on, each with its Keycloak {@code db} vendor and its JDBC URL prefix. */
    public enum Kind {
        POSTGRES("postgres", "jdbc:postgresql:"),
        MSSQL("mssql", "jdbc:sqlserver:");

        private final String keycloakDb;
        private final String urlPrefix;

        Kind(String keycloakDb, String urlPrefix) {
            this.keycloakDb = keycloakDb;
            this.urlPrefix = urlPrefix;
        }

        /** Keycloak's {@code db} option value for this database. */
        public String keycloakDb() {
            return keycloakDb;
        }

        /** The kind whose JDBC URLs start like this one, or null. */
        public static Kind ofUrl(String url) {
            for (Kind kind : values()) {
                if (url.startsWith(kind.urlPrefix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + kind.keycloakDb() + " " + url + " user=" + user + "]";
    }
}
