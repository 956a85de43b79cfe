package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Messages;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.SecretHashes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the secrets of both forms into the stored form: a JSON array of {@code {hash, expires, description}}.
 * <ul>
 *   <li>Creatio's {@code Secrets}: plaintext strings (or {@code {Value, Description, Expiration}}), hashed here.</li>
 *   <li>IS4's {@code ClientSecrets}: {@code {Value, Type, Description, Expiration}} where Value is already the
 *       SHA-256/512 hash IdentityServer4 stores.</li>
 * </ul>
 * Problems name the position only; a secret value never reaches a message.
 */
final class ClientSecretsReader {


    private ClientSecretsReader() {
    }

    /** Returns the canonical stored JSON, or "" when the client has no secret. */
    static String read(JsonBody in, int minLength) {
        List<ObjectNode> entries = new ArrayList<>();
        readArray(in, "Secrets", false, minLength, entries);
        readArray(in, "ClientSecrets", true, minLength, entries);
        if (entries.isEmpty()) {
            return "";
        }
        entries.sort(Comparator.comparing(e -> e.get("hash").asText()));
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0 && entries.get(i).get("hash").equals(entries.get(i - 1).get("hash"))) {
                in.error("Secrets", "contain the same secret twice");
            }
            array.add(entries.get(i));
        }
        try {
            return Json.MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readArray(JsonBody in, String field, boolean isHash, int minLength, List<ObjectNode> out) {
        JsonNode array = in.array(field, Limits.MAX_SECRETS);
        for (int i = 0; array != null && i < array.size(); i++) {
            entry(in, field + "[" + i + "]", array.get(i), isHash, minLength, out);
        }
    }

    private static void entry(JsonBody in, String field, JsonNode node, boolean isHash, int minLength, List<ObjectNode> out) {
        String value;
        String description = null;
        String expiration = null;
        if (node.isTextual() && !isHash) {
            value = node.asText();
        } else if (node instanceof ObjectNode object) {
            JsonBody secret = in.nested(field + ".", object);
            value = secret.text("Value");
            description = secret.text("Description", Limits.COLUMN);
            expiration = secret.text("Expiration");
            String type = secret.text("Type");
            if (type != null && !type.equals("SharedSecret")) {
                in.error(field + ".Type", "'" + type + "' is not supported yet: only SharedSecret");
            }
            secret.rejectUnread("secret property");
            if (value == null && secret.has("Value")) {
                return; // reported by the read
            }
        } else {
            in.error(field, Messages.notA(isHash ? "an object {Value, Type, Description, Expiration}" : "a string", node));
            return;
        }
        if (value == null || value.isEmpty()) {
            in.error(field, "has no value");
            return;
        }
        if (value.length() > Limits.SECRET) {
            in.error(field, Messages.longerThan(Limits.SECRET));
            return;
        }
        String hash;
        if (isHash) {
            if (!SecretHashes.looksLikeHash(value)) {
                in.error(field + ".Value", "is not an IdentityServer4 SHA-256/SHA-512 hash (base64); put plaintext secrets in 'Secrets'");
                return;
            }
            hash = value;
        } else {
            if (value.length() < minLength) {
                in.error(field, "is shorter than " + minLength + " characters");
                return;
            }
            hash = SecretHashes.sha256(value);
        }
        ObjectNode stored = Json.MAPPER.createObjectNode().put("hash", hash);
        if (expiration != null) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(expiration);
                if (!Limits.yearInRange(at)) {
                    in.error(field + ".Expiration", "must be a date in the years 1 to 9999");
                    return;
                }
                long epoch = at.toEpochSecond();
                if (epoch < Instant.now().getEpochSecond()) {
                    in.warning(field + ".Expiration", "is in the past, so this secret will never authenticate");
                }
                stored.put("expires", epoch);
            } catch (DateTimeParseException e) {
                in.error(field + ".Expiration", "is not an ISO-8601 date-time with offset, e.g. 2030-01-31T00:00:00Z");
            }
        }
        if (description != null) {
            stored.put("description", description);
        }
        out.add(stored);
    }
}
