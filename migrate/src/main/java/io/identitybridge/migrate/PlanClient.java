package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code --dry-run}: sends the seed input to the target server's seed plan endpoint (which writes nothing) and prints
 * the seeder's plan. The endpoint answers with field names and problem texts only, never a secret. Keycloak refuses
 * request bodies over 10 MiB before any provider sees them, so a large input goes in parts ({@link PlanParts}) whose
 * plans are merged ({@link PlanMerge}).
 */
final class PlanClient {

    /** Under Keycloak's 10 MiB and a reverse proxy's usual 1 MiB (nginx's client_max_body_size). */
    static final int DEFAULT_PART_BYTES = 1_000_000;
    static final String LIMIT_HINT = "Keycloak refuses bodies over quarkus.http.limits.max-body-size (10M by default; set it in"
            + " conf/quarkus.properties), a reverse proxy has its own limit (nginx: client_max_body_size, 1m by default)";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final String baseUrl;
    private final String realm;
    private final int partBytes;

    PlanClient(String baseUrl, String realm, int partBytes) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.partBytes = partBytes;
    }

    /** A master-realm administrator's token through admin-cli, as kcadm.sh gets one. */
    String login(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalArgumentException("the Keycloak administrator login answered " + r.statusCode());
        }
        return Is4Reader.JSON.readTree(r.body()).get("access_token").asText();
    }

    /** Prints the plan of the whole input; returns whether the seeder found the input valid. */
    boolean plan(JsonNode clients, JsonNode scopes, String token, PrintStream out) throws IOException, InterruptedException {
        List<PlanParts.Part> parts = PlanParts.split(clients, scopes, partBytes);
        out.println();
        out.printf("Seed input: %d bytes as compact JSON, planned in %d part(s) of at most %d bytes%n",
                PlanParts.wholeSize(clients, scopes), parts.size(), partBytes);
        PlanMerge merge = new PlanMerge();
        for (int i = 0; i < parts.size(); i++) {
            merge.add(post(parts.get(i), i + 1, parts.size(), token), parts.get(i).offset());
        }
        return print(merge.result(), out);
    }

    private JsonNode post(PlanParts.Part part, int n, int of, String token) throws IOException, InterruptedException {
        String url = baseUrl + "/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/identity-bridge/seed/plan";
        String which = "part " + n + " of " + of + " (" + part.body().length + " bytes, clients " + (part.offset() + 1) + " to "
                + (part.offset() + part.count()) + ")";
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(part.body())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // A server or proxy refusing a large body may close the connection before answering 413.
            throw new IllegalArgumentException("the connection to " + url + " broke while sending " + which + " ("
                    + describe(e) + "). If the server or a proxy refuses bodies this large, give --dry-run-part-bytes below "
                    + partBytes + "; " + LIMIT_HINT);
        }
        if (r.statusCode() == 413) {
            throw new IllegalArgumentException("the seed plan endpoint answered 413 (request body too large) to " + which
                    + errorDescription(r.body()) + ". Give --dry-run-part-bytes below " + partBytes + ", or raise the limit: " + LIMIT_HINT);
        }
        if (r.statusCode() != 200 && r.statusCode() != 400) {
            throw new IllegalArgumentException("the seed plan endpoint answered " + r.statusCode() + " to " + which
                    + (r.statusCode() == 404 ? " (is Identity Bridge installed and the realm right?)" : errorDescription(r.body())));
        }
        return Is4Reader.JSON.readTree(r.body());
    }

    /** The exception's own words, or its kind when it has none (the JDK's client often closes with a bare IOException). */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.isEmpty() ? "" : ", caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    /** The server's {@code error_description}, if it answered our JSON error. */
    private static String errorDescription(String body) {
        try {
            JsonNode d = Is4Reader.JSON.readTree(body).path("error_description");
            return d.isTextual() ? ": " + d.asText() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean print(JsonNode plan, PrintStream out) {
        JsonNode sum = plan.path("summary");
        out.printf("Seeder's plan for realm '%s' (dry run, nothing written): %d create, %d update, %d unchanged, %d delete%n",
                plan.path("realm").asText(), sum.path("create").asLong(), sum.path("update").asLong(),
                sum.path("unchanged").asLong(), sum.path("delete").asLong());
        for (String kind : new String[]{"scopes", "clients"}) {
            for (JsonNode item : plan.path(kind)) {
                out.printf("  %s %s '%s'%s%s%n", item.path("action").asText(), kind.substring(0, kind.length() - 1),
                        item.path("name").asText(), item.has("changes") ? " " + item.get("changes") : "",
                        item.has("takesOverFrom") ? " (takes it over from registrar '" + item.get("takesOverFrom").asText() + "')" : "");
            }
        }
        for (JsonNode p : plan.path("problems")) {
            out.println("  " + p.path("text").asText()); // the text starts with its severity
        }
        out.println(plan.path("valid").asBoolean() ? "The seeder would apply this input." : "The seeder refuses this input: fix the errors above.");
        return plan.path("valid").asBoolean();
    }
}
