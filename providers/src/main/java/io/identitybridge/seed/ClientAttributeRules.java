package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The seeder's own rules for the four client attributes an administrator may edit in the admin console
 * (AllowedQueryParameters, IdentityTokenLifetime, CustomerId, AllowAccessTokensViaBrowser): the form's text is read
 * as if it were a seed-input client, so that the console can never store what seeding would refuse.
 */
public final class ClientAttributeRules {

    /** The attributes to write (empty when refused), and the problems in the seeder's words. */
    public record Result(Map<String, String> attributes, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ClientAttributeRules() {
    }

    /**
     * @param allowedQueryParameters Creatio's form, a JSON array of names ({@code ["invitationHash"]}); blank for none
     * @param currentProperties the client's {@code ib.properties} JSON (or null), into which the list is merged
     */
    public static Result check(String clientId, String allowedQueryParameters, String identityTokenLifetime,
                               String customerId, String allowAccessTokensViaBrowser, String currentProperties) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        putIfGiven(node, "CustomerId", customerId);
        putIfGiven(node, "IdentityTokenLifetime", identityTokenLifetime);
        putIfGiven(node, "AllowAccessTokensViaBrowser", allowAccessTokensViaBrowser);
        List<Problem> problems = new ArrayList<>();
        JsonBody in = new JsonBody(node, Problems.collect("client", 0, problems));
        in.owner(clientId);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ClientFields.ATTR_CUSTOMER_ID, Objects.requireNonNullElse(in.identifier("CustomerId", Limits.COLUMN), ""));
        out.put(ClientFields.ATTR_ID_TOKEN_LIFESPAN,
                String.valueOf(in.seconds("IdentityTokenLifetime", 300, Limits.MAX_TOKEN_LIFETIME_SECONDS)));
        out.put(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER, String.valueOf(in.bool("AllowAccessTokensViaBrowser", false)));
        String allowed = "";
        if (allowedQueryParameters != null && !allowedQueryParameters.isBlank()) {
            if (allowedQueryParameters.length() > Limits.PROPERTY_VALUE) {
                in.error("Properties.AllowedQueryParameters", "must be at most " + Limits.PROPERTY_VALUE + " characters");
            } else {
                allowed = PropertiesReader.allowedQueryParameters(in, TextNode.valueOf(allowedQueryParameters.strip()));
            }
        }
        out.put(ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS, allowed);
        out.put(ClientFields.ATTR_PROPERTIES, mergeProperties(currentProperties, allowed, in));
        List<String> messages = problems.stream().filter(Problem::isError)
                .map(p -> (p.field() == null ? "" : p.field() + " ") + p.message()).toList();
        return new Result(messages.isEmpty() ? out : Map.of(), messages);
    }

    /** Keeps the client's other Properties; AllowedQueryParameters is stored there as Creatio writes it (a JSON string). */
    private static String mergeProperties(String current, String allowed, JsonBody in) {
        TreeMap<String, String> props = new TreeMap<>();
        if (current != null && !current.isBlank()) {
            try {
                JsonNode tree = Json.MAPPER.readTree(current);
                tree.fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
            } catch (JsonProcessingException e) {
                in.error("Properties", "of this client are not valid JSON; fix them through seeding first");
            }
        }
        props.keySet().removeIf(k -> k.equalsIgnoreCase(PropertiesReader.ALLOWED_QUERY_PARAMETERS));
        if (!allowed.isEmpty()) {
            props.put(PropertiesReader.ALLOWED_QUERY_PARAMETERS, allowed);
        }
        try {
            return props.isEmpty() ? "" : Json.MAPPER.writeValueAsString(props);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfGiven(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }
}
