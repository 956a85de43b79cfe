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
import java.util.TreeMap;

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
        Map<String, String> config = configuration(root);
        String provider = config.get("DbProvider");
        String connection = null;
        String name = null;
        // The provider's own key first, then the generic one.
        List<String> order = provider != null && provider.toLowerCase().startsWith("postgres")
                ? List.of("PostgresConnection", "DatabaseConnectionString", "MsSqlConnection")
                : provider != null && provider.toLowerCase().startsWith("mssql")
                ? List.of("MsSqlConnection", "DatabaseConnectionString", "PostgresConnection") : CONNECTION_NAMES;
        for (String key : order) {
            String v = config.getOrDefault("ConnectionStrings:" + key, config.get(key));
            if (v != null && !v.isBlank()) {
                connection = v;
                name = key;
                break;
            }
        }
        String level = config.get("Logging:LogLevel:Default");
        String redis = config.getOrDefault("ConnectionStrings:RedisConnection", config.get("RedisConnection"));
        return new AppSettings(provider, connection, name, config.get("X509CertificatePath"), level, redis != null && !redis.isBlank());
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

    /**
     * The file as ASP.NET's configuration sees it: every value under its path of keys joined by ':' (array items by
     * index), keys compared without case; where two keys differ only in case, the first one written counts.
     */
    static Map<String, String> configuration(JsonNode root) {
        Map<String, String> config = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        flatten("", root, config);
        return config;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> config) {
        if (node.isContainerNode()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path + e.getKey() + ":", e.getValue(), config);
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                flatten(path + i + ":", node.get(i), config);
            }
        } else if (!node.isNull() && !path.isEmpty()) {
            config.putIfAbsent(path.substring(0, path.length() - 1), node.asText());
        }
    }

    @Override
    public String toString() {
        return "AppSettings[dbProvider=" + dbProvider + ", connection=" + connectionName + ", certificate=" + certificatePath + "]";
    }
}
