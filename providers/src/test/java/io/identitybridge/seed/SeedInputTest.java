package io.identitybridge.seed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedInputTest {

    static String fixture(String name) {
        try (InputStream in = SeedInputTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void creatioEscapedStringIsRead() {
        SeedInput.Parsed p = SeedInput.parse(fixture("00_create.json"), "test");
        assertEquals(1, p.clients().size());
        assertEquals("CreatioSystemClient01", p.clients().get(0).get("ClientId").asText());
    }

    @Test
    void escapedContentPastedWithoutOuterQuotesIsRead() {
        String quoted = fixture("00_create.json").strip();
        SeedInput.Parsed p = SeedInput.parse(quoted.substring(1, quoted.length() - 1), "test");
        assertEquals("CreatioSystemClient01", p.clients().get(0).get("ClientId").asText());
    }

    @Test
    void plainArrayIsRead() {
        assertEquals(2, SeedInput.parse("[{\"ClientId\":\"a\"},{\"ClientId\":\"b\"}]", "test").clients().size());
    }

    @Test
    void wholeAppsettingsWithCommentsIsRead() {
        String appsettings = "\uFEFF{\n // Creatio Identity Service\n \"DbProvider\": \"Postgres\",\n \"clients\": "
                + fixture("00_create.json").strip() + ",\n \"Logging\": {\"LogLevel\": {\"Default\": \"Debug\"}},\n}";
        assertEquals(1, SeedInput.parse(appsettings, "test").clients().size());
    }

    @Test
    void appsettingsWithoutClientsKeyIsAnError() {
        SeedInputException e = assertThrows(SeedInputException.class, () -> SeedInput.parse("{\"DbProvider\":\"Postgres\"}", "file x"));
        assertTrue(e.getMessage().contains("without a 'Clients' key"), e.getMessage());
    }

    @Test
    void malformedJsonNamesThePlaceButNeverQuotesTheInput() {
        SeedInputException e = assertThrows(SeedInputException.class,
                () -> SeedInput.parse("[{\"ClientId\":\"a\",\"Secrets\":[supersecretvalue123]}]", "option clients"));
        assertTrue(e.getMessage().contains("malformed JSON at line 1, column"), e.getMessage());
        assertFalse(e.getMessage().contains("supersecretvalue123"), e.getMessage());
    }

    @Test
    void malformedEscapedStringIsAnError() {
        SeedInputException e = assertThrows(SeedInputException.class, () -> SeedInput.parse("\"[{\\\"ClientId\\\": }]\"", "option clients"));
        assertTrue(e.getMessage().contains("escaped string's content"), e.getMessage());
    }

    @Test
    void emptyAndWrongShapesAreErrors() {
        assertThrows(SeedInputException.class, () -> SeedInput.parse("  ", "x"));
        assertThrows(SeedInputException.class, () -> SeedInput.parse("42", "x"));
        SeedInputException e = assertThrows(SeedInputException.class, () -> SeedInput.parse("[1, {}]", "x"));
        assertTrue(e.getMessage().contains("client #0 is not a JSON object"), e.getMessage());
    }
}
