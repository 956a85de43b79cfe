package io.identitybridge.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The old service's appsettings.json → the Keycloak settings the command prints. */
class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void readsProviderConnectionCertificateLogLevelAndRedisAndPrintsKeycloakSettings() throws IOException {
        Path file = dir.resolve("appsettings.json");
        Files.writeString(file, """
                { // comments are fine, as in ASP.NET
                  "DbProvider": "Postgres",
                  "ConnectionStrings": { "PostgresConnection": "Server=pg;Port=5432;Database=creatio;User ID=cr;Password=top-secret-pw;",
                                         "RedisConnection": "redis:6379" },
                  "X509CertificatePath": "/app/openssl.pfx",
                  "Logging": { "LogLevel": { "Default": "Warning" } },
                }
                """);
        AppSettings a = AppSettings.read(file);
        assertEquals("Postgres", a.dbProvider());
        assertEquals("PostgresConnection", a.connectionName());
        assertEquals("/app/openssl.pfx", a.certificatePath());
        assertTrue(a.redis());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KeycloakSettings.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                AdoNetConnectionString.toJdbc(a.connectionString(), a.dbProvider()), a, Path.of("/srv/kc/clients.json"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String line : new String[]{"db=postgres", "db-url=jdbc:postgresql://pg:5432/creatio", "db-username=cr",
                "db-password=<the database password>", "log-level=warn",
                "spi-identity-bridge--default--signing-certificate-file=/app/openssl.pfx",
                "spi-identity-bridge--default--signing-certificate-password=<the PFX password, or empty>",
                "# spi-identity-bridge--default--signing-key-id=<kid>",
                "spi-identity-bridge--default--clients-file=/srv/kc/clients.json",
                "KC_DB=postgres", "KC_DB_URL=jdbc:postgresql://pg:5432/creatio", "KC_DB_USERNAME=cr", "KC_LOG_LEVEL=warn",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__SIGNING_CERTIFICATE_FILE=/app/openssl.pfx",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE=/srv/kc/clients.json", "RedisConnection: not needed"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(line)), "missing " + line + " in\n" + out);
        }
        assertFalse(out.contains("top-secret-pw"), "the database password was printed");
    }

    @Test
    void msSqlProviderPicksItsOwnConnectionKeyAtTheTopLevel() throws IOException {
        Path file = dir.resolve("appsettings.json");
        Files.writeString(file, "{\"DbProvider\":\"MsSqlServer\",\"MsSqlConnection\":\"Data Source=s,1444;Initial Catalog=c;User ID=u;Password=p\","
                + "\"DatabaseConnectionString\":\"Host=wrong;Database=x;Username=u;Password=p\"}");
        AppSettings a = AppSettings.read(file);
        assertEquals("MsSqlConnection", a.connectionName());
        assertEquals("jdbc:sqlserver://s:1444;databaseName=c", AdoNetConnectionString.toJdbc(a.connectionString(), a.dbProvider()).url());
        assertFalse(a.redis());
    }

    @Test
    void keysAreFoundWhateverTheirCaseAsAspNetFindsThem() throws IOException {
        Path file = dir.resolve("appsettings.json");
        Files.writeString(file, "{\"dbprovider\":\"Postgres\",\"connectionSTRINGS\":{\"postgresconnection\":\"Server=pg;Database=c\"},"
                + "\"LOGGING\":{\"loglevel\":{\"DEFAULT\":\"Error\"}},\"x509certificatepath\":\"/c.pfx\",\"Servers\":[\"a\",{\"b\":1}]}");
        AppSettings a = AppSettings.read(file);
        assertEquals("Postgres", a.dbProvider());
        assertEquals("PostgresConnection", a.connectionName());
        assertEquals("Server=pg;Database=c", a.connectionString());
        assertEquals("Error", a.logLevel());
        assertEquals("/c.pfx", a.certificatePath());
    }

    @Test
    void dotNetLogLevelsMapToKeycloaks() {
        assertEquals("info", AppSettings.keycloakLogLevel("Information"));
        assertEquals("fatal", AppSettings.keycloakLogLevel("Critical"));
        assertEquals("off", AppSettings.keycloakLogLevel("None"));
        assertEquals("trace", AppSettings.keycloakLogLevel("trace"));
    }

    @Test
    void creatiosConnectionStringsConfigIsReadByName() throws IOException {
        Path file = dir.resolve("ConnectionStrings.config");
        Files.writeString(file, """
                <?xml version="1.0" encoding="utf-8"?>
                <connectionStrings>
                  <add name="redis" connectionString="host=redis;db=1;port=6379" />
                  <add name="db" connectionString="Data Source=sql01\\CREATIO;Initial Catalog=Creatio;User ID=cr;Password=p;MultipleActiveResultSets=True" />
                </connectionStrings>
                """);
        String db = ConnectionStringsConfig.read(file, "db");
        assertEquals("jdbc:sqlserver://sql01;databaseName=Creatio;instanceName=CREATIO", AdoNetConnectionString.toJdbc(db, "MsSqlServer").url());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConnectionStringsConfig.read(file, "dbPostgreSql"));
        assertTrue(e.getMessage().contains("has no <add name=\"dbPostgreSql\""), e.getMessage());
    }
}
