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

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Clients/update of claims or of their prefix, completed with the client's stored other half. */
final class StoredClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredClaims() {
    }

    /** An update's body and the IS4 names (lower case) it gives, the stored other half of the claims included. */
    record Update(ObjectNode body, Set<String> given) {
    }

    /**
     * Claims and their prefix give the final claim names together, so an update of either is judged (and written) with
     * the stored other: a new prefix must not turn a stored claim into a reserved name, nor new claims dodge the check
     * under the default prefix when the client has another one. Returns a new update; the arguments stay as they are.
     */
    static Update joinedTo(ClientModel client, ObjectNode request, Set<String> given) {
        if (!given.contains("claims") && !given.contains("prefixclientclaims") && !given.contains("clientclaimsprefix")) {
            return new Update(request, Collections.unmodifiableSet(new HashSet<>(given)));
        }
        ObjectNode body = request.deepCopy();
        String prefix = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS_PREFIX);
        // Stored as the mapper reads it: an empty prefix (PrefixClientClaims false) is kept as no attribute at all.
        boolean prefixed = prefix != null && !prefix.isEmpty();
        if (!given.contains("claims")) {
            body.set("Claims", storedClaims(client));
        }
        if (!given.contains("prefixclientclaims")) {
            body.put("PrefixClientClaims", prefixed);
        }
        if (!given.contains("clientclaimsprefix") && prefixed) {
            body.put("ClientClaimsPrefix", prefix);
        }
        Set<String> joined = new HashSet<>(given);
        joined.addAll(Set.of("claims", "prefixclientclaims", "clientclaimsprefix"));
        return new Update(body, Collections.unmodifiableSet(joined));
    }

    /** The client's stored claims as the IS4 model's Claims: [{Type, Value}]. */
    private static ArrayNode storedClaims(ClientModel client) {
        ArrayNode claims = MAPPER.createArrayNode();
        String stored = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS);
        if (stored == null || stored.isBlank()) {
            return claims;
        }
        try {
            for (JsonNode pair : MAPPER.readTree(stored)) {
                claims.addObject().put("Type", pair.path(0).asText()).put("Value", pair.path(1).asText());
            }
            return claims;
        } catch (JsonProcessingException e) {
            throw new SeedInputException(List.of(Problem.error(0, client.getClientId(), "Claims",
                    "are stored in a form this version cannot read; send Claims with the update")));
        }
    }
}
