package io.identitybridge.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts Creatio's ADO.NET connection string (Npgsql for PostgreSQL, SqlClient for SQL Server) to JDBC. Values
 * may be quoted with ' or " (a doubled quote inside stands for one). Errors name the key or the part that is wrong,
 * never a value, since the string holds the password.
 */
public final class AdoNetConnectionString {

    private static final Set<String> HOST = Set.of("host", "server", "datasource", "address", "addr", "networkaddress");
    private static final Set<String> PORT = Set.of("port");
    private static final Set<String> DATABASE = Set.of("database", "initialcatalog");
    private static final Set<String> USER = Set.of("username", "userid", "uid", "user");
    private static final Set<String> PASSWORD = Set.of("password", "pwd");
    private static final Set<String> INTEGRATED = Set.of("integratedsecurity", "trusted_connection", "trustedconnection");
    /** Pool, timeout and UI settings with no effect on what is read. */
    private static final Set<String> IGNORED = Set.of("pooling", "minpoolsize", "maxpoolsize", "minimumpoolsize", "maximumpoolsize",
            "timeout", "commandtimeout", "connectiontimeout", "connecttimeout", "multipleactiveresultsets", "persistsecurityinfo",
            "applicationname", "keepalive", "connectionlifetime", "connectionidlelifetime", "loadbalancetimeout",
            "enlist", "multisubnetfailover", "packetsize", "servercompatibilitymode", "includeerrordetail", "noresetonclose");

    private static final String NO_SERVER = "the connection string names no server (Host, Server or Data Source)";

    private AdoNetConnectionString() {
    }

    /** {@code provider}: Creatio's DbProvider ({@code Postgres}, {@code MsSqlServer} or {@code MsSql}), or null to tell from the keys. */
    public static JdbcTarget toJdbc(String connectionString, String provider) {
        Map<String, String> keys = parse(connectionString);
        JdbcTarget.Kind kind = kind(provider, keys);
        List<String> notes = new ArrayList<>();
        String host = null;
        String port = null;
        String database = null;
        String user = null;
        String password = null;
        boolean integrated = false;
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (HOST.contains(k)) {
                host = v;
            } else if (PORT.contains(k)) {
                port = v;
            } else if (DATABASE.contains(k)) {
                database = v;
            } else if (USER.contains(k)) {
                user = v;
            } else if (PASSWORD.contains(k)) {
                password = v;
            } else if (INTEGRATED.contains(k)) {
                integrated = bool(k, v);
            } else if (IGNORED.contains(k)) {
                notes.add("'" + k + "' has no JDBC counterpart here and is left out");
            } else {
                extra.put(k, v);
            }
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(NO_SERVER);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("the connection string names no database (Database or Initial Catalog)");
        }
        Parts parts = new Parts(host, port, database, user, password, integrated, extra, notes);
        return kind == JdbcTarget.Kind.POSTGRES ? postgres(parts) : mssql(parts);
    }

    /** What the connection string says, sorted by meaning; {@code extra} holds the keys only one driver knows. */
    private record Parts(String host, String port, String database, String user, String password, boolean integrated,
                         Map<String, String> extra, List<String> notes) {
    }

    private static JdbcTarget postgres(Parts parts) {
        String host = parts.host();
        String port = parts.port();
        if (parts.integrated()) {
            throw new IllegalArgumentException("'Integrated Security' is not supported for PostgreSQL here; give Username and Password");
        }
        if (host.contains(",")) {
            // Npgsql accepts several hosts separated by commas, each with an optional :port.
            throw new IllegalArgumentException("'Host' lists several servers; give the primary one");
        }
        String h = host.strip();
        if (h.contains(":") && !h.startsWith("[")) {
            String[] hp = h.split(":", 2);
            h = hp[0];
            port = port == null ? hp[1] : port;
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(h).append(':').append(port(port, 5432)).append('/')
                .append(enc(parts.database()));
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, String> e : parts.extra().entrySet()) {
            switch (e.getKey()) {
                case "sslmode" -> params.add("sslmode=" + sslMode(e.getValue()));
                case "trustservercertificate" -> {
                    if (bool(e.getKey(), e.getValue())) {
                        params.add("sslfactory=org.postgresql.ssl.NonValidatingFactory");
                    }
                }
                case "searchpath" -> params.add("currentSchema=" + enc(e.getValue()));
                default -> throw new IllegalArgumentException("the key '" + e.getKey() + "' is not known for PostgreSQL (Npgsql)");
            }
        }
        if (!params.isEmpty()) {
            url.append('?').append(String.join("&", params));
        }
        requireUser(parts.user(), parts.password());
        return new JdbcTarget(JdbcTarget.Kind.POSTGRES, url.toString(), parts.user(), parts.password(), parts.notes());
    }

    private static JdbcTarget mssql(Parts parts) {
        String port = parts.port();
        String h = parts.host().strip();
        if (h.regionMatches(true, 0, "tcp:", 0, 4)) {
            h = h.substring(4);
        } else if (h.regionMatches(true, 0, "np:", 0, 3) || h.regionMatches(true, 0, "lpc:", 0, 4)) {
            throw new IllegalArgumentException("'Data Source' uses a named pipe or shared memory; JDBC connects over TCP only");
        }
        String instance = null;
        int comma = h.indexOf(',');
        if (comma >= 0) {
            // SqlClient's "host,port" form.
            if (port != null) {
                throw new IllegalArgumentException("the port is given twice ('Server=host,port' and 'Port')");
            }
            port = h.substring(comma + 1).strip();
            h = h.substring(0, comma).strip();
        }
        int slash = h.indexOf('\\');
        if (slash >= 0) {
            instance = h.substring(slash + 1);
            h = h.substring(0, slash);
        }
        if (h.equals(".") || h.equalsIgnoreCase("(local)")) {
            h = "localhost";
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException(NO_SERVER);
        }
        StringBuilder url = new StringBuilder("jdbc:sqlserver://").append(h);
        if (port != null || instance == null) {
            url.append(':').append(port(port, 1433));
        }
        url.append(";databaseName=").append(mssqlValue(parts.database()));
        if (instance != null) {
            url.append(";instanceName=").append(mssqlValue(instance));
        }
        for (Map.Entry<String, String> e : parts.extra().entrySet()) {
            switch (e.getKey()) {
                case "encrypt" -> url.append(";encrypt=").append(encrypt(e.getValue()));
                case "trustservercertificate" -> url.append(";trustServerCertificate=").append(bool(e.getKey(), e.getValue()));
                case "hostnameincertificate" -> url.append(";hostNameInCertificate=").append(mssqlValue(e.getValue()));
                case "failoverpartner" -> url.append(";failoverPartner=").append(mssqlValue(e.getValue()));
                case "applicationintent" -> url.append(";applicationIntent=").append(mssqlValue(e.getValue()));
                default -> throw new IllegalArgumentException("the key '" + e.getKey() + "' is not known for SQL Server (SqlClient)");
            }
        }
        if (parts.integrated()) {
            if (parts.user() != null || parts.password() != null) {
                throw new IllegalArgumentException("'Integrated Security' and 'User ID'/'Password' are both given; give one of them");
            }
            url.append(";integratedSecurity=true;authenticationScheme=JavaKerberos");
            parts.notes().add("Integrated Security: from a JVM on Linux this is Kerberos (a ticket from kinit, or a keytab in a JAAS file)");
            return new JdbcTarget(JdbcTarget.Kind.MSSQL, url.toString(), null, null, parts.notes());
        }
        requireUser(parts.user(), parts.password());
        return new JdbcTarget(JdbcTarget.Kind.MSSQL, url.toString(), parts.user(), parts.password(), parts.notes());
    }

    /** Splits {@code key=value;...}, honouring quoted values; keys come back lower-case without spaces, as both drivers compare them. */
    static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the connection string is empty");
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int part = 0;
        int n = text.length();
        while (i < n) {
            part++;
            int eq = text.indexOf('=', i);
            int semi = text.indexOf(';', i);
            if (semi >= 0 && (eq < 0 || semi < eq)) {
                if (!text.substring(i, semi).isBlank()) {
                    throw noEquals(part);
                }
                i = semi + 1;
                continue;
            }
            if (eq < 0) {
                if (!text.substring(i).isBlank()) {
                    throw noEquals(part);
                }
                break;
            }
            String key = text.substring(i, eq).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("part " + part + " of the connection string has an empty key");
            }
            i = eq + 1;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                char q = text.charAt(i++);
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == q) {
                        if (i < n && text.charAt(i) == q) {
                            value.append(q);
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("the value of '" + key + "' opens a quote that is never closed");
                }
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && text.charAt(i) != ';') {
                    throw new IllegalArgumentException("the value of '" + key + "' has text after its closing quote");
                }
                i++;
            } else {
                int end = text.indexOf(';', i);
                end = end < 0 ? n : end;
                value.append(text, i, end);
                i = end + 1;
            }
            String v = key.equals("password") || key.equals("pwd") ? value.toString() : value.toString().strip();
            if (out.put(key, v) != null) {
                throw new IllegalArgumentException("the key '" + key + "' is given twice");
            }
        }
        return out;
    }

    private static IllegalArgumentException noEquals(int part) {
        return new IllegalArgumentException("part " + part + " of the connection string has no '='");
    }

    private static JdbcTarget.Kind kind(String provider, Map<String, String> keys) {
        if (provider != null && !provider.isBlank()) {
            return switch (provider.strip().toLowerCase(Locale.ROOT)) {
                case "postgres", "postgresql", "npgsql" -> JdbcTarget.Kind.POSTGRES;
                case "mssqlserver", "mssql", "sqlserver" -> JdbcTarget.Kind.MSSQL;
                default -> throw new IllegalArgumentException("DbProvider '" + provider + "' is not known; use Postgres, MsSqlServer or MsSql");
            };
        }
        if (keys.containsKey("host") || keys.containsKey("username")) {
            return JdbcTarget.Kind.POSTGRES;
        }
        if (keys.containsKey("datasource") || keys.containsKey("initialcatalog") || keys.containsKey("integratedsecurity")) {
            return JdbcTarget.Kind.MSSQL;
        }
        throw new IllegalArgumentException("cannot tell PostgreSQL from SQL Server by the keys; give --db-provider Postgres or MsSqlServer");
    }

    private static int port(String text, int dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("the port '" + text.strip() + "' is not a number from 1 to 65535");
    }

    private static boolean bool(String key, String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "sspi" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("the value of '" + key + "' must be true, false, yes, no or SSPI");
        };
    }

    private static String sslMode(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "disable" -> "disable";
            case "allow" -> "allow";
            case "prefer" -> "prefer";
            case "require" -> "require";
            case "verifyca", "verify-ca" -> "verify-ca";
            case "verifyfull", "verify-full" -> "verify-full";
            default -> throw new IllegalArgumentException("the value of 'ssl mode' must be Disable, Allow, Prefer, Require, VerifyCA or VerifyFull");
        };
    }

    private static String encrypt(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "mandatory" -> "true";
            case "false", "no", "optional" -> "false";
            case "strict" -> "strict";
            default -> throw new IllegalArgumentException("the value of 'encrypt' must be true, false, mandatory, optional or strict");
        };
    }

    private static void requireUser(String user, String password) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the connection string names no user (Username or User ID) and no Integrated Security");
        }
        if (password == null) {
            throw new IllegalArgumentException("the connection string has no Password for its user");
        }
    }

    private static String enc(String v) {
        return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** mssql-jdbc property values with ; or braces go in {braces}, with a closing brace doubled. */
    private static String mssqlValue(String v) {
        return v.matches("[A-Za-z0-9_.\\-$ ]*") ? v : "{" + v.replace("}", "}}") + "}";
    }
}
