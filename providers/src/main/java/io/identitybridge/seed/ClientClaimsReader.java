package io.identitybridge.seed;

import io.identitybridge.vocabulary.Limits;
import io.identitybridge.jsonbody.JsonKeys;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Messages;
import io.identitybridge.vocabulary.ReservedClaims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.SortedMap;
import java.util.TreeSet;


/**
 * IS4 client {@code Claims} ({@code [{Type, Value}]}) with PrefixClientClaims (default true), ClientClaimsPrefix
 * (default "client_") and AlwaysSendClientClaims (default false), kept as attributes that the {@code ib-client-claims}
 * mapper reads when it builds an access token.
 */
final class ClientClaimsReader {


    private ClientClaimsReader() {
    }

    static void read(JsonBody in, SortedMap<String, String> state) {
        TreeSet<String> pairs = new TreeSet<>();
        boolean prefix = in.bool("PrefixClientClaims", true);
        String prefixText = in.text("ClientClaimsPrefix");
        String finalPrefix = prefix ? (prefixText == null ? "client_" : prefixText) : "";
        JsonNode claims = in.array("Claims", Limits.MAX_CLAIMS);
        for (int i = 0; claims != null && i < claims.size(); i++) {
            JsonNode type = JsonKeys.get(claims.get(i), "Type");
            JsonNode value = JsonKeys.get(claims.get(i), "Value");
            boolean scalar = value != null && !value.isNull() && !value.isContainerNode();
            String valueProblem;
            if (type == null || !type.isTextual() || type.asText().isBlank() || !scalar) {
                in.error("Claims[" + i + "]", "must be {\"Type\": \"...\", \"Value\": \"...\"}");
            } else if (ReservedClaims.problem(finalPrefix + type.asText()) != null) {
                in.error("Claims[" + i + "].Type", "gives the claim name '" + finalPrefix + type.asText() + "', which "
                        + ReservedClaims.problem(finalPrefix + type.asText()));
            } else if ((valueProblem = Messages.textProblem(value.asText(), Limits.CLAIM_VALUE, false)) != null) {
                in.error("Claims[" + i + "].Value", valueProblem);
            } else {
                pairs.add(type.asText() + "\u0000" + value.asText());
            }
        }
        boolean always = in.bool("AlwaysSendClientClaims", false);
        ArrayNode stored = Json.MAPPER.createArrayNode();
        pairs.forEach(p -> stored.addArray().add(p.substring(0, p.indexOf('\u0000'))).add(p.substring(p.indexOf('\u0000') + 1)));
        try {
            ClientFieldTable.CLIENT_CLAIMS.put(state, pairs.isEmpty() ? "" : Json.MAPPER.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ClientFieldTable.CLIENT_CLAIMS_PREFIX.put(state, finalPrefix);
        ClientFieldTable.CLIENT_CLAIMS_ALWAYS.put(state, String.valueOf(always));
    }
}
