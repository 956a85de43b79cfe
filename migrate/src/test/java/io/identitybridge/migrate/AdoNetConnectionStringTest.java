package io.identitybridge.migrate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creatio's ADO.NET connection strings, as its setup guide and appsettings.json write them, converted to JDBC. */
class AdoNetConnectionStringTest {

    private static final String PW = "s3cr;et'pw";

    @Test
    void npgsqlFormBecomesAPostgresUrlWithUserAndPasswordApart() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Server=db.local;Port=5433;Database=creatio;User ID=creatio_user;password=plain-pw;Timeout=500;CommandTimeout=400;MaxPoolSize=1024", "Postgres");
        assertEquals(JdbcTarget.Kind.POSTGRES, t.kind());
        assertEquals("jdbc:postgresql://db.local:5433/creatio", t.url());
        assertEquals("creatio_user", t.user());
        assertEquals("plain-pw", t.password());
    }

    @Test
    void npgsqlHostKeyAndDefaultPortAreTakenWithoutAProvider() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Host=pg;Database=ids;Username=u;Password=p;SSL Mode=Require", null);
        assertEquals("jdbc:postgresql://pg:5432/ids?sslmode=require", t.url());
    }

    @Test
    void sqlClientFormBecomesASqlServerUrl() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Data Source=sql01;Initial Catalog=Creatio;User ID=sa;Password=p;Persist Security Info=True;MultipleActiveResultSets=True;Pooling=true;Max Pool Size=100", "MsSqlServer");
        assertEquals(JdbcTarget.Kind.MSSQL, t.kind());
        assertEquals("jdbc:sqlserver://sql01:1433;databaseName=Creatio", t.url());
        assertEquals("sa", t.user());
    }

    @Test
    void serverHostCommaPortIsSqlClientsPortForm() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Server=tcp:sql01.example.test,14330;Database=Creatio;User Id=ids;Password=p;Encrypt=True;TrustServerCertificate=True", "MsSql");
        assertEquals("jdbc:sqlserver://sql01.example.test:14330;databaseName=Creatio;encrypt=true;trustServerCertificate=true", t.url());
    }

    @Test
    void namedInstanceBecomesInstanceName() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Data Source=.\\SQLEXPRESS;Initial Catalog=Creatio;User ID=sa;Password=p", "MsSqlServer");
        assertEquals("jdbc:sqlserver://localhost;databaseName=Creatio;instanceName=SQLEXPRESS", t.url());
    }

    @Test
    void quotedValuesKeepSemicolonsQuotesAndSpaces() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Host=pg;Database=\"my db\";Username='o''brien';Password=\"" + PW.replace("\"", "\"\"") + "\"", "Postgres");
        assertEquals("jdbc:postgresql://pg:5432/my%20db", t.url());
        assertEquals("o'brien", t.user());
        assertEquals(PW, t.password());
    }

    @Test
    void doubledQuoteInsideDoubleQuotesIsOneQuote() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Data Source=s;Initial Catalog=c;User ID=u;Password=\"a\"\"b;c\"", "MsSqlServer");
        assertEquals("a\"b;c", t.password());
    }

    @Test
    void integratedSecurityOnSqlServerUsesKerberosAndNoPassword() {
        JdbcTarget t = AdoNetConnectionString.toJdbc("Data Source=sql01,1433;Initial Catalog=Creatio;Integrated Security=SSPI", "MsSqlServer");
        assertEquals("jdbc:sqlserver://sql01:1433;databaseName=Creatio;integratedSecurity=true;authenticationScheme=JavaKerberos", t.url());
        assertNull(t.user());
        assertNull(t.password());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Kerberos")));
    }

    @Test
    void integratedSecurityWithAUserIsRefusedNamingBoth() {
        assertError("'Integrated Security' and 'User ID'/'Password' are both given",
                "Data Source=s;Initial Catalog=c;Integrated Security=true;User ID=u;Password=p", "MsSqlServer");
    }

    @Test
    void integratedSecurityOnPostgresIsRefused() {
        assertError("'Integrated Security' is not supported for PostgreSQL", "Host=h;Database=d;Integrated Security=true", "Postgres");
    }

    @Test
    void emptyStringIsNamed() {
        assertError("the connection string is empty", "  ", "Postgres");
    }

    @Test
    void partWithoutEqualsIsNamedByPositionNotContent() {
        IllegalArgumentException e = assertError("part 3 of the connection string has no '='", "Host=h;Database=d;hunter2secret;Password=p", "Postgres");
        assertFalse(e.getMessage().contains("hunter2secret"));
    }

    @Test
    void unclosedQuoteIsNamedByKey() {
        IllegalArgumentException e = assertError("the value of 'password' opens a quote that is never closed", "Host=h;Database=d;Username=u;Password='abc", "Postgres");
        assertFalse(e.getMessage().contains("abc"));
    }

    @Test
    void missingServerDatabaseUserOrPasswordAreEachNamed() {
        assertError("names no server", "Database=d;Username=u;Password=p", "Postgres");
        assertError("names no database", "Host=h;Username=u;Password=p", "Postgres");
        assertError("names no user", "Host=h;Database=d;Password=p", "Postgres");
        assertError("has no Password", "Host=h;Database=d;Username=u", "Postgres");
    }

    @Test
    void badPortIsNamed() {
        assertError("the port 'abc' is not a number from 1 to 65535", "Host=h;Port=abc;Database=d;Username=u;Password=p", "Postgres");
        assertError("the port '70000' is not a number", "Server=h,70000;Database=d;User ID=u;Password=p", "MsSqlServer");
    }

    @Test
    void unknownProviderAndUnknownKeyAreNamed() {
        assertError("DbProvider 'Oracle' is not known", "Host=h;Database=d;Username=u;Password=p", "Oracle");
        assertError("the key 'colour' is not known for PostgreSQL", "Host=h;Database=d;Username=u;Password=p;Colour=blue", "Postgres");
        assertError("cannot tell PostgreSQL from SQL Server", "Server=h;Database=d;User ID=u;Password=p", null);
    }

    @Test
    void duplicateKeyAndNamedPipeAreNamed() {
        assertError("the key 'database' is given twice", "Host=h;Database=d;Database=e;Username=u;Password=p", "Postgres");
        assertError("named pipe", "Data Source=np:\\\\.\\pipe\\sql\\query;Initial Catalog=c;User ID=u;Password=p", "MsSqlServer");
    }

    @Test
    void noErrorMessageEverHoldsThePassword() {
        for (String bad : new String[]{"Host=h;Password=" + "pw-XYZ-123", "Host=h;Database=d;Username=u;Password=pw-XYZ-123;Bogus=1",
                "Data Source=s;Initial Catalog=c;Password=pw-XYZ-123;Integrated Security=maybe"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdoNetConnectionString.toJdbc(bad, null));
            assertFalse(e.getMessage().contains("pw-XYZ-123"), e.getMessage());
        }
    }

    private static IllegalArgumentException assertError(String expected, String text, String provider) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdoNetConnectionString.toJdbc(text, provider));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }
}
