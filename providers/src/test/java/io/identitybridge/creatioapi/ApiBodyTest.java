package io.identitybridge.creatioapi;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Limits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiBodyTest {

    @Test
    void propertyNamesMatchWhateverTheCase() {
        JsonBody p = ApiBody.parse("{\"CustomerIds\":[\"a\",\"b\"],\"clientid\":\"x\"}");
        assertEquals(List.of("a", "b"), p.strings("customerIds", 10, Limits.IDENTIFIER));
        assertEquals("x", p.text("ClientId"));
        p.rejectUnread();
    }

    @Test
    void errorsNameTheProblemAndNeverEchoTheBody() {
        assertEquals("the request body is empty; a JSON object is expected", message(" "));
        assertTrue(message("{\"secret\":\"hunter2").contains("not valid JSON (line 1"));
        assertTrue(!message("{\"secret\":\"hunter2").contains("hunter2"));
        assertEquals("the request body must be a JSON object, not an array", message("[1]"));
        assertTrue(message("{\"A\":1,\"a\":2}").contains("same property"));
        assertTrue(message("{\"a\":1,\"a\":2}").contains("given twice"));
    }

    @Test
    void typedReadsSayWhatWasExpected() {
        JsonBody p = ApiBody.parse("{\"Resources\":[\"ok\",\"\"],\"Name\":3,\"Info\":{\"Inner\":true}}");
        assertEquals("'Resources[1]' must be a non-empty string, not a string", assertThrows(ApiError.class, () -> p.strings("Resources", 10, Limits.IDENTIFIER)).getMessage());
        assertEquals("'Name' must be a string, not a number", assertThrows(ApiError.class, () -> p.text("Name")).getMessage());
        JsonBody info = p.object("Info");
        info.raw("Inner");
        assertEquals("'Info.Outer' is missing", assertThrows(ApiError.class, () -> info.requiredText("Outer")).getMessage());
        assertNull(p.text("Absent"));
    }

    @Test
    void unknownPropertiesAreRefused() {
        JsonBody p = ApiBody.parse("{\"ClientId\":\"x\",\"Force\":true}");
        p.text("ClientId");
        assertEquals("'Force' is not a known property here", assertThrows(ApiError.class, p::rejectUnread).getMessage());
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        byte[] big = ("{\"a\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ApiError e = assertThrows(ApiError.class, () -> ApiBody.read(new ByteArrayInputStream(big), 1000));
        assertEquals(400, e.status());
        assertEquals("the request body is larger than 1000 bytes", e.getMessage());
    }

    private static String message(String body) {
        return assertThrows(ApiError.class, () -> ApiBody.parse(body)).getMessage();
    }

    @Test
    void aLoneSurrogateIsRefusedAndA4ByteCharacterKept() {
        ApiError e = assertThrows(ApiError.class, () -> ApiBody.parse("{\"Name\":\"x\\ud800y\"}").text("Name"));
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
        assertThrows(ApiError.class, () -> ApiBody.parse("{\"Name\":\"\\udc00\"}").text("Name"));
        assertEquals("\uD83D\uDE00", ApiBody.parse("{\"Name\":\"\\ud83d\\ude00\"}").text("Name"));
    }
}
