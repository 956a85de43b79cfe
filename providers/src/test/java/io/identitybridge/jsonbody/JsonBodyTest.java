package io.identitybridge.jsonbody;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.vocabulary.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every kind of problem once; the secret-looking values must never reach a message. */
    private static final String BAD = "{\"A\":\"s3cr3t-one\",\"a\":\"s3cr3t-two\",\"Name\":3,\"Long\":\"s3cr3t-long\","
            + "\"Ctl\":\"s3cr3t\\u0001\",\"Sur\":\"s3cr3t\\ud800\",\"List\":\"s3cr3t\",\"Many\":[\"a\",\"b\",\"c\"],"
            + "\"Items\":[\"\",1,\"s3cr3t-item-too-long\",\" ok \"],\"Flag\":\"s3cr3t\",\"Secs\":0,\"NotNum\":\"s3cr3t\","
            + "\"Obj\":[],\"Extra\":true}";

    @Test
    void collectingGathersEveryProblemInTheOneWording() {
        List<Problem> problems = new ArrayList<>();
        JsonBody in = new JsonBody(object(BAD), Problems.collect("client", 2, problems));
        in.owner("the-client");
        readEverything(in);
        in.rejectUnread("client property");
        List<String> expected = List.of(
                "a is the same property as 'A' (names are case-insensitive); give it once",
                "Name must be a string, not a number",
                "Long is longer than 5 characters",
                "Ctl contains a control character",
                "Sur contains an unpaired UTF-16 surrogate, which is not a character",
                "List must be an array, not a string",
                "Many has 3 entries; at most 2 are accepted",
                "Items[0] must be a non-empty string, not a string",
                "Items[1] must be a non-empty string, not a number",
                "Items[2] is longer than 10 characters",
                "Flag must be true or false",
                "Secs is 0 s; it must be between 1 and 60 s",
                "NotNum must be a whole number of seconds",
                "Obj must be an object, not an array",
                "Missing is missing",
                "Extra is not a known client property");
        assertEquals(expected, problems.stream().map(p -> p.field() + " " + p.message()).toList());
        // The first problem came before the owner was known; the rest name it, with the kind and position.
        assertEquals("error: client #2 (the-client) Name must be a string, not a number", problems.get(1).toString());
        assertFalse(problems.toString().contains("s3cr3t"), problems.toString());
    }

    @Test
    void stoppingThrowsTheFirstErrorAsTheCallerMakesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stopping(BAD));
        assertEquals("'a' is the same property as 'A' (names are case-insensitive); give it once", e.getMessage());
        JsonBody body = stopping("{\"Name\":3,\"Items\":[\"ok\",\"\"],\"Extra\":1}");
        assertEquals("'Name' must be a string, not a number", assertThrows(IllegalStateException.class, () -> body.text("Name")).getMessage());
        assertEquals("'Items[1]' must be a non-empty string, not a string",
                assertThrows(IllegalStateException.class, () -> body.strings("Items", 5, 10)).getMessage());
        assertEquals("'Extra' is not a known property here", assertThrows(IllegalStateException.class, body::rejectUnread).getMessage());
        assertEquals("'Absent' is missing", assertThrows(IllegalStateException.class, () -> body.requiredText("Absent")).getMessage());
        body.warning("Name", "a warning has no place in an API answer"); // dropped, not thrown
    }

    @Test
    void namesMatchWhateverTheCaseAndProblemsUseTheCallersSpelling() {
        JsonBody in = stopping("{\"clientID\":\" x \",\"customerIDS\":[\" c1 \"],\"Info\":{\"inner\":5}}");
        assertEquals("x", in.requiredText("ClientId"));
        assertEquals(List.of("c1"), in.strings("CustomerIds", 5, 10));
        JsonBody info = in.object("INFO");
        assertEquals("'Info.inner' must be a string, not a number", assertThrows(IllegalStateException.class, () -> info.text("Inner")).getMessage());
        assertEquals("'Info.Other' is missing", assertThrows(IllegalStateException.class, () -> info.requiredText("Other")).getMessage());
        assertEquals("'Info.inner' is not a known property here", assertThrows(IllegalStateException.class, () -> {
            JsonBody fresh = stopping("{\"Info\":{\"inner\":5}}").object("Info");
            fresh.rejectUnread();
        }).getMessage());
    }

    @Test
    void textAllowsLineBreaksAnIdentifierNothing() {
        JsonBody in = stopping("{\"Text\":\"a\\tb\\nc\",\"Id\":\"a\\tb\",\"Padded\":\" x \",\"Emoji\":\"\\ud83d\\ude00\",\"Null\":null}");
        assertEquals("a\tb\nc", in.text("Text"));
        assertEquals("'Id' contains a control character", assertThrows(IllegalStateException.class, () -> in.identifier("Id", 10)).getMessage());
        assertEquals(" x ", in.identifier("Padded", 10), "an identifier is read as given; the caller judges spaces");
        assertEquals("\uD83D\uDE00", in.text("Emoji"));
        assertNull(in.text("Null"));
        assertFalse(in.has("Null"));
        assertTrue(in.bool("Absent", true));
        assertEquals(List.of(), in.strings("Absent", 1, 1));
    }

    @Test
    void nestedObjectsShareTheProblemsUnderTheirPath() {
        List<Problem> problems = new ArrayList<>();
        JsonBody in = new JsonBody(object("{}"), Problems.collect("client", 0, problems));
        JsonBody secret = in.nested("Secrets[0].", object("{\"Value\":1,\"Colour\":\"red\"}"));
        assertNull(secret.text("Value"));
        secret.rejectUnread("secret property");
        in.warning("Secrets", "kept as a warning");
        assertEquals(List.of("error: client #0 Secrets[0].Value must be a string, not a number",
                "error: client #0 Secrets[0].Colour is not a known secret property",
                "warning: client #0 Secrets kept as a warning"), problems.stream().map(Problem::toString).toList());
    }

    private static void readEverything(JsonBody in) {
        in.text("A");
        in.text("Name");
        in.text("Long", 5);
        in.identifier("Ctl", 100);
        in.text("Sur");
        in.strings("List", 5, 10);
        in.strings("Many", 2, 10);
        in.strings("Items", 5, 10);
        in.bool("Flag", false);
        in.seconds("Secs", 30, 60);
        in.seconds("NotNum", 30, 60);
        in.object("Obj");
        in.requiredText("Missing");
    }

    private static JsonBody stopping(String json) {
        return new JsonBody(object(json), Problems.stopAtFirst(p -> new IllegalStateException("'" + p.field() + "' " + p.message())));
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
