package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The plans of the dry run's parts as one plan of the whole input. A part's plan sees only its own clients, so:
 * a seeded client is deleted by the whole input only if every part plans its deletion (a part that holds it plans
 * create, update or unchanged instead); client problems are renumbered to their place in the whole input; the scopes,
 * sent with every part, and problems of the input as a whole are taken once; a ClientId in two parts is the planner's
 * "used twice" error, which no single part can see.
 */
final class PlanMerge {

    private String realm;
    private boolean valid = true;
    private boolean first = true;
    private final ArrayNode scopes = Is4Reader.JSON.createArrayNode();
    private final Map<String, JsonNode> clients = new LinkedHashMap<>();
    private Map<String, JsonNode> deletes;
    private final ArrayNode problems = Is4Reader.JSON.createArrayNode();
    private final Set<String> wholeInputProblems = new LinkedHashSet<>();

    /** Adds the plan of the part whose first client is the input's client {@code offset}. */
    void add(JsonNode plan, int offset) {
        realm = plan.path("realm").asText();
        valid &= plan.path("valid").asBoolean();
        if (first) {
            plan.path("scopes").forEach(scopes::add);
        }
        Map<String, JsonNode> partDeletes = new LinkedHashMap<>();
        for (JsonNode item : plan.path("clients")) {
            String name = item.path("name").asText();
            if ("delete".equals(item.path("action").asText())) {
                partDeletes.put(name, item);
            } else if (clients.putIfAbsent(name, item) != null) {
                valid = false;
                problems.addObject().put("severity", "error").put("kind", "client").put("name", name).put("field", "ClientId")
                        .put("message", "is used by an earlier client of the input too")
                        .put("text", "error: client (" + name + ") ClientId is used by an earlier client of the input too");
            }
        }
        if (deletes == null) {
            deletes = partDeletes;
        } else {
            deletes.keySet().retainAll(partDeletes.keySet());
        }
        for (JsonNode p : plan.path("problems")) {
            if ("client".equals(p.path("kind").asText()) && p.path("index").canConvertToInt()) {
                int index = p.path("index").asInt();
                ObjectNode q = p.deepCopy();
                q.put("index", index + offset);
                q.put("text", p.path("text").asText().replaceFirst("client #" + index + "\\b", "client #" + (index + offset)));
                problems.add(q);
            } else if (wholeInputProblems.add(p.path("text").asText())) {
                problems.add(p);
            }
        }
        first = false;
    }

    /** The merged plan, in the shape of one seed plan answer. */
    ObjectNode result() {
        ObjectNode out = Is4Reader.JSON.createObjectNode();
        out.put("realm", realm);
        out.put("valid", valid);
        ArrayNode clientItems = Is4Reader.JSON.createArrayNode();
        clients.values().forEach(clientItems::add);
        if (deletes != null) {
            deletes.forEach((name, item) -> {
                if (!clients.containsKey(name)) {
                    clientItems.add(item);
                }
            });
        }
        ObjectNode summary = out.putObject("summary");
        for (String action : new String[]{"create", "update", "unchanged", "delete"}) {
            long n = 0;
            for (ArrayNode items : new ArrayNode[]{scopes, clientItems}) {
                for (JsonNode i : items) {
                    n += action.equals(i.path("action").asText()) ? 1 : 0;
                }
            }
            summary.put(action, n);
        }
        out.set("scopes", scopes);
        out.set("clients", clientItems);
        out.set("problems", problems);
        return out;
    }
}
