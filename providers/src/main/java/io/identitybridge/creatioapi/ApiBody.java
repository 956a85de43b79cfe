package io.identitybridge.creatioapi;

import io.identitybridge.vocabulary.Limits;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Messages;
import io.identitybridge.jsonbody.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into a JSON object, with a size limit, or fails with an error that says what is wrong. The
 * first problem of a body is the call's 400 answer.
 */
public final class ApiBody {


    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApiBody() {
    }

    public static JsonBody read(InputStream in) {
        return read(in, Limits.API_BODY_BYTES);
    }

    static JsonBody read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw ApiError.badRequest("the request body is larger than " + maxBytes + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses a body text; public for unit tests of the error messages. */
    public static JsonBody parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ApiError.badRequest("the request body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonParseException e) {
            // The location, never the content: a body may hold a secret.
            throw ApiError.badRequest("the request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            throw ApiError.badRequest("the request body is not valid JSON: "
                    + (why != null && why.startsWith("Duplicate field") ? "a property is given twice" : "it does not parse"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest("the request body must be a JSON object, not " + Messages.kind(node));
        }
        return new JsonBody(object, Problems.stopAtFirst(p -> ApiError.badRequest("'" + p.field() + "' " + p.message())));
    }
}
