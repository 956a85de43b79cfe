package io.identitybridge.creatioapi.clients;

import io.identitybridge.vocabulary.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.creatioapi.ApiBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Creatio's RemoveClient is documented only as sending "the client id": a body that is a bare JSON string rather than
 * an object is read as {@code {"ClientId": "..."}}. Every other body passes unchanged to the usual reader and its checks.
 */
final class BareClientId {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BareClientId() {
    }

    static InputStream asObject(InputStream in) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(Limits.API_BODY_BYTES + 1);
        } catch (IOException e) {
            bytes = new byte[0]; // the reader then says the body is empty
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\"") && bytes.length <= Limits.API_BODY_BYTES) {
            try {
                JsonNode v = MAPPER.readTree(text);
                if (v != null && v.isTextual()) {
                    byte[] wrapped = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("ClientId", v.textValue()));
                    return new ByteArrayInputStream(wrapped);
                }
            } catch (IOException e) {
                // not a JSON string: the reader reports it
            }
        }
        return new ByteArrayInputStream(bytes);
    }
}
