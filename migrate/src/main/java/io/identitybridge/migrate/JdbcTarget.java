package io.identitybridge.migrate;

import java.util.List;

/**
 * Where to read: a JDBC URL without credentials, the user and the password apart (the password never printed), the
 * Keycloak {@code db} vendor, and notes on what the conversion changed.
 */
public record JdbcTarget(String kind, String url, String user, String password, List<String> notes) {

    public static final String POSTGRES = "postgres";
    public static final String MSSQL = "mssql";

    @Override
    public String toString() {
        return "JdbcTarget[" + kind + " " + url + " user=" + user + "]";
    }
}
