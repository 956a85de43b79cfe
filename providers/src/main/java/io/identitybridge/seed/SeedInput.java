package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonKeys;

import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what an administrator gives us into client and scope objects. Accepted: Creatio's escaped "Clients" string
 * (with or without its outer quotes), a plain JSON array, or a whole appsettings.json whose {@code Clients} key is
 * read; an object may also carry IdentityServer4 {@code Scopes}, or 4.x's {@code ApiScopes}, {@code IdentityResources}
 * and {@code ApiResources}. Error messages never quote the input, which may hold secrets.
 */
public final class SeedInput {

    /** appsettings.json is read by ASP.NET's lenient parser: comments and trailing commas are fine there. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * The clients and the scopes in each model: IdentityServer4's {@code Scopes}, and 4.x's {@code ApiScopes},
     * {@code IdentityResources} and {@code ApiResources} (read as scopes by {@link DesiredState}).
     */
    public record Parsed(List<ObjectNode> clients, List<ObjectNode> scopes, List<ObjectNode> apiScopes,
                         List<ObjectNode> identityResources, List<ObjectNode> apiResources) {

        public Parsed(List<ObjectNode> clients, List<ObjectNode> scopes) {
            this(clients, scopes, List.of(), List.of(), List.of());
        }
    }

    private SeedInput() {
    }

    public static Parsed parse(String text, String source) {
        List<Problem> problems = new ArrayList<>();
        Parsed parsed = parse(text, source, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new SeedInputException(problems);
        }
        return parsed;
    }

    private static Parsed parse(String text, String source, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.input(source, "is empty"));
            return null;
        }
        String body = text.strip();
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1).strip();
        }
        JsonNode root = read(body, source, problems, body.startsWith("[") && body.contains("\\\""));
        if (root == null) {
            return null;
        }
        if (root.isTextual() || root.isArray()) {
            return fromClientsValue(root, source, problems, new ArrayList<>());
        }
        if (root.isObject()) {
            JsonNode holder = root;
            JsonNode clients = JsonKeys.get(holder, "Clients");
            if (clients == null && JsonKeys.get(root, "IdentityServer") != null) {
                holder = JsonKeys.get(root, "IdentityServer");
                clients = JsonKeys.get(holder, "Clients");
            }
            if (clients == null) {
                problems.add(Problem.input(source, "is a JSON object without a 'Clients' key (expected appsettings.json)"));
                return null;
            }
            List<ObjectNode> scopes = objects(JsonKeys.get(holder, "Scopes"), source + " Scopes", "scope", problems);
            Parsed parsed = fromClientsValue(clients, source + " Clients", problems, scopes);
            return parsed == null ? null : new Parsed(parsed.clients(), scopes,
                    objects(JsonKeys.get(holder, "ApiScopes"), source + " ApiScopes", "ApiScopes", problems),
                    objects(JsonKeys.get(holder, "IdentityResources"), source + " IdentityResources", "IdentityResources", problems),
                    objects(JsonKeys.get(holder, "ApiResources"), source + " ApiResources", "ApiResources", problems));
        }
        problems.add(Problem.input(source, "must be the Creatio 'Clients' string, a JSON array or an appsettings.json object"));
        return null;
    }

    private static Parsed fromClientsValue(JsonNode value, String source, List<Problem> problems, List<ObjectNode> scopes) {
        JsonNode clients = value;
        if (value.isTextual()) {
            // Creatio's form: a JSON string whose content is the array.
            clients = read(value.asText().strip(), source + " (the escaped string's content)", problems, false);
            if (clients == null) {
                return null;
            }
        }
        if (!clients.isArray()) {
            problems.add(Problem.input(source, "must hold a JSON array of clients"));
            return null;
        }
        return new Parsed(objects(clients, source, "client", problems), scopes);
    }

    private static List<ObjectNode> objects(JsonNode array, String source, String what, List<Problem> problems) {
        List<ObjectNode> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            problems.add(Problem.input(source, "must be a JSON array"));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof ObjectNode object) {
                out.add(object);
            } else {
                problems.add(new Problem(Problem.Severity.ERROR, what, i, null, null, "is not a JSON object"));
            }
        }
        return out;
    }

    /** Reads JSON; {@code maybeUnquoted} retries the text as the inside of a JSON string (escaped but pasted without quotes). */
    private static JsonNode read(String text, String source, List<Problem> problems, boolean maybeUnquoted) {
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            if (maybeUnquoted) {
                try {
                    JsonNode asString = LENIENT.readTree("\"" + text + "\"");
                    if (asString.isTextual()) {
                        return asString;
                    }
                } catch (JsonProcessingException ignored) {
                    // report the first error, which is about what the user actually wrote
                }
            }
            problems.add(Problem.input(source, "is malformed JSON " + where(e) + ": " + sanitized(e)));
            return null;
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? "" : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Jackson quotes the offending token, which could be part of a secret; keep the diagnosis, drop the token. */
    static String sanitized(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "unreadable";
        }
        msg = msg.lines().findFirst().orElse("");
        return msg.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }

}
