package io.identitybridge.migrate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19, finding 9: --schema is written into SQL text, so only an identifier is accepted, and it is quoted as one. */
class SchemaOptionTest {

    @Test
    void aSchemaThatIsNotAnIdentifierIsRefusedBeforeAnyConnection() {
        for (String schema : new String[]{"x; drop table y", "x\".\"Clients\"; --", "public.other", "", "a b", "x'--"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--schema", schema},
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, out);
            assertTrue(out.startsWith("error: --schema must be a plain identifier: 1 to 128 letters, digits and '_'"), out);
            assertFalse(out.contains("Reading IdentityServer4 tables"), "it connected: " + out);
        }
    }

    @Test
    void identifiersAreAccepted() {
        for (String schema : new String[]{"public", "dbo", "Identity_Server4", "схема", "_x1"}) {
            assertEquals(schema, Main.Options.parse(new String[]{"--jdbc-url", "jdbc:postgresql://h/db", "--schema", schema}, Map.of()).schema());
        }
        assertFalse(Tables.isIdentifier("x".repeat(129)));
    }

    @Test
    void aSchemaNameIsQuotedAsAnIdentifierWhateverItHolds() throws SQLException {
        // The connection's own schema (no --schema) is not checked by the option, so the SQL text quotes it safely.
        assertEquals("\"public\".\"Clients\"", new Tables(null, "public").name("Clients"));
        assertEquals("\"x\"\"; drop table y; --\".\"Clients\"", new Tables(null, "x\"; drop table y; --").name("Clients"));
    }
}
