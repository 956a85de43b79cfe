package io.identitybridge.migrate;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the old Identity Service's appsettings.json says about the database, the signing certificate, logging and
 * Redis. Keys are looked up case-insensitively, at the top level and under {@code ConnectionStrings}, as ASP.NET's
 * configuration binder finds them.
 */
public record AppSettings(String dbProvider, String connectionString, String connectionName, String certificatePath,
                          String logLevel, boolean redis) {

    static final List<String> CONNECTION_NAMES = List.of("DatabaseConnectionString", "PostgresConnection", "MsSqlConnection");
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    public static AppSettings read(Path file) {
        JsonNode root;
        try {
            root = LENIENT.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--appsettings " + file + " cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--appsettings " + file + " is not a JSON object");
        }
        String provider = text(root, "DbProvider");
        String connection = null;
        String name = null;
        JsonNode strings = field(root, "ConnectionStrings");
        // The provider's own key first, then the generic one.
        List<String> order = provider != null && provider.toLowerCase().startsWith("postgres")
                ? List.of("PostgresConnection", "DatabaseConnectionString", "MsSqlConnection")
                : provider != null && provider.toLowerCase().startsWith("mssql")
                ? List.of("MsSqlConnection", "DatabaseConnectionString", "PostgresConnection") : CONNECTION_NAMES;
        for (String key : order) {
            String v = strings != null ? text(strings, key) : null;
            v = v != null ? v : text(root, key);
            if (v != null && !v.isBlank()) {
                connection = v;
                name = key;
                break;
            }
        }
        JsonNode logging = field(root, "Logging");
        JsonNode levels = logging == null ? null : field(logging, "LogLevel");
        String level = levels == null ? null : text(levels, "Default");
        String redis = strings != null && text(strings, "RedisConnection") != null ? text(strings, "RedisConnection") : text(root, "RedisConnection");
        return new AppSettings(provider, connection, name, text(root, "X509CertificatePath"), level, redis != null && !redis.isBlank());
    }

    /** .NET's LogLevel names in Keycloak's spelling. */
    public static String keycloakLogLevel(String dotnet) {
        if (dotnet == null) {
            return null;
        }
        return switch (dotnet.strip().toLowerCase()) {
            case "trace" -> "trace";
            case "debug" -> "debug";
            case "information" -> "info";
            case "warning" -> "warn";
            case "error" -> "error";
            case "critical" -> "fatal";
            case "none" -> "off";
            default -> throw new IllegalArgumentException("Logging.LogLevel.Default '" + dotnet
                    + "' is not a .NET log level (Trace, Debug, Information, Warning, Error, Critical, None)");
        };
    }

    static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode object, String name) {
        JsonNode v = field(object, name);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "AppSettings[dbProvider=" + dbProvider + ", connection=" + connectionName + ", certificate=" + certificatePath + "]";
    }
}
