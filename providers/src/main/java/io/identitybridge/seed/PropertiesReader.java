package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Messages;
import io.identitybridge.vocabulary.Limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;


/**
 * Client {@code Properties}: all are kept (as one JSON attribute, string values as IS4 stores them), and
 * {@code AllowedQueryParameters}, Creatio's JSON-string array, is also normalised into its own attribute for the
 * authorize-request rules.
 */
final class PropertiesReader {

    static final String ALLOWED_QUERY_PARAMETERS = "AllowedQueryParameters";

    private PropertiesReader() {
    }

    static void read(JsonBody in, SortedMap<String, String> state) {
        JsonNode props = in.raw("Properties");
        SortedMap<String, String> kept = new TreeMap<>();
        String allowed = "";
        if (props != null && !props.isNull()) {
            if (!(props instanceof ObjectNode)) {
                in.error("Properties", Messages.notA("an object of string values", props));
            } else if (props.size() > Limits.MAX_PROPERTIES) {
                in.error("Properties", Messages.tooMany(props.size(), Limits.MAX_PROPERTIES));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode value = property.getValue();
                    String text = value.isTextual() ? value.asText() : value.toString();
                    if (property.getKey().isEmpty() || Messages.textProblem(property.getKey(), Limits.COLUMN, true) != null) {
                        in.error("Properties", "has a name that is empty, longer than " + Limits.COLUMN + " or holds control characters");
                        continue;
                    }
                    String problem = Messages.textProblem(text, Limits.PROPERTY_VALUE, false);
                    if (problem != null) {
                        in.error("Properties." + property.getKey(), problem);
                        continue;
                    }
                    kept.put(property.getKey(), text);
                    if (property.getKey().equalsIgnoreCase(ALLOWED_QUERY_PARAMETERS)) {
                        allowed = allowedQueryParameters(in, value);
                    }
                }
            }
        }
        ClientFieldTable.PROPERTIES.put(state, kept.isEmpty() ? "" : toJson(kept));
        ClientFieldTable.ALLOWED_QUERY_PARAMETERS.put(state, allowed);
    }

    /** Creatio writes the list as a JSON string holding an array; a real array is accepted too. */
    static String allowedQueryParameters(JsonBody in, JsonNode value) {
        String field = "Properties." + ALLOWED_QUERY_PARAMETERS;
        JsonNode array = value;
        if (value.isTextual()) {
            try {
                array = Json.MAPPER.readTree(value.asText());
            } catch (JsonProcessingException e) {
                in.error(field, "is not a JSON array string like \"[\\\"invitationHash\\\",\\\"targetSubject\\\"]\"");
                return "";
            }
        }
        if (array == null || !array.isArray()) {
            in.error(field, "must hold a JSON array of parameter names");
            return "";
        }
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : array) {
            if (!parameter.isTextual() || !parameter.asText().matches("[A-Za-z0-9_.\\-]{1,64}")) {
                in.error(field, "has an invalid parameter name; names are 1-64 letters, digits, '_', '.', '-'");
                return "";
            }
            names.add(parameter.asText());
        }
        return Json.sortedArray(names);
    }

    private static String toJson(SortedMap<String, String> map) {
        try {
            return Json.MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
