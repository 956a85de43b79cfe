package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;
import org.keycloak.models.ClientModel;

import java.util.List;
import java.util.Set;

/** A Clients/update of claims or of their prefix, completed with the client's stored other half. */
final class StoredClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredClaims() {
    }

    /**
     * Claims and their prefix give the final claim names together, so an update of either is judged (and written) with
     * the stored other: a new prefix must not turn a stored claim into a reserved name, nor new claims dodge the check
     * under the default prefix when the client has another one.
     */
    static ObjectNode joinedTo(ClientModel client, ObjectNode body, Set<String> given) {
        if (!given.contains("claims") && !given.contains("prefixclientclaims") && !given.contains("clientclaimsprefix")) {
            return body;
        }
        ObjectNode node = body.deepCopy();
        String prefix = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS_PREFIX);
        // Stored as the mapper reads it: an empty prefix (PrefixClientClaims false) is kept as no attribute at all.
        boolean prefixed = prefix != null && !prefix.isEmpty();
        if (!given.contains("claims")) {
            ArrayNode claims = node.putArray("Claims");
            String stored = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS);
            if (stored != null && !stored.isBlank()) {
                try {
                    for (JsonNode pair : MAPPER.readTree(stored)) {
                        claims.addObject().put("Type", pair.path(0).asText()).put("Value", pair.path(1).asText());
                    }
                } catch (JsonProcessingException e) {
                    throw new SeedInputException(List.of(Problem.error(0, client.getClientId(), "Claims",
                            "are stored in a form this version cannot read; send Claims with the update")));
                }
            }
        }
        if (!given.contains("prefixclientclaims")) {
            node.put("PrefixClientClaims", prefixed);
        }
        if (!given.contains("clientclaimsprefix") && prefixed) {
            node.put("ClientClaimsPrefix", prefix);
        }
        given.addAll(Set.of("claims", "prefixclientclaims", "clientclaimsprefix"));
        return node;
    }
}
