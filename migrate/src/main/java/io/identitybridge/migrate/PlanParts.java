package io.identitybridge.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The dry run's request bodies: the seed input as compact JSON, its clients split so that no body exceeds a byte budget.
 * Every part carries all the scopes, so that each part's clients are checked against the same scope names; the parts'
 * plans are merged by {@link PlanMerge}.
 */
final class PlanParts {

    /** One request body: the clients {@code offset} to {@code offset + count - 1} of the input. */
    record Part(int offset, int count, byte[] body) {
    }

    private PlanParts() {
    }

    /** The compact size of the whole input, as one body would be. */
    static long wholeSize(JsonNode clients, JsonNode scopes) throws JsonProcessingException {
        long size = HEAD.length + MIDDLE.length + Is4Reader.JSON.writeValueAsBytes(scopes).length + 1 + Math.max(0, clients.size() - 1);
        for (JsonNode c : clients) {
            size += Is4Reader.JSON.writeValueAsBytes(c).length;
        }
        return size;
    }

    /** Parts of at most {@code budget} bytes each, but at least one client each (a client larger than that goes alone). */
    static List<Part> split(JsonNode clients, JsonNode scopes, int budget) throws JsonProcessingException {
        byte[] scopeBytes = Is4Reader.JSON.writeValueAsBytes(scopes);
        int overhead = HEAD.length + MIDDLE.length + scopeBytes.length + 1;
        List<Part> parts = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int offset = 0;
        long size = overhead;
        for (int i = 0; i < clients.size(); i++) {
            byte[] c = Is4Reader.JSON.writeValueAsBytes(clients.get(i));
            long added = c.length + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && size + added > budget) {
                parts.add(new Part(offset, current.size(), body(current, scopeBytes)));
                offset = i;
                current.clear();
                size = overhead;
                added = c.length;
            }
            current.add(c);
            size += added;
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(offset, current.size(), body(current, scopeBytes)));
        }
        return parts;
    }

    private static final byte[] HEAD = "{\"Clients\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "],\"Scopes\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static byte[] body(List<byte[]> clients, byte[] scopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEAD);
        for (int i = 0; i < clients.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(clients.get(i));
        }
        out.writeBytes(MIDDLE);
        out.writeBytes(scopes);
        out.write('}');
        return out.toByteArray();
    }
}
