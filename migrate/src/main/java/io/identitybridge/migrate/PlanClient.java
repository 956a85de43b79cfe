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

/**
 * {@code --dry-run}: sends the seed input to the target server's seed plan endpoint (which writes nothing) and prints
 * the seeder's plan. The endpoint answers with field names and problem texts only, never a secret.
 */
final class PlanClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final String baseUrl;
    private final String realm;

    PlanClient(String baseUrl, String realm) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.realm = realm;
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

    /** Prints the plan; returns whether the seeder found the input valid. */
    boolean plan(String seedInput, String token, PrintStream out) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                        + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/identity-bridge/seed/plan"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(seedInput)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 400) {
            throw new IllegalArgumentException("the seed plan endpoint answered " + r.statusCode()
                    + (r.statusCode() == 404 ? " (is Identity Bridge installed and the realm right?)" : ""));
        }
        JsonNode plan = Is4Reader.JSON.readTree(r.body());
        JsonNode sum = plan.path("summary");
        out.println();
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
            out.println("  " + p.path("severity").asText() + ": " + p.path("text").asText());
        }
        out.println(plan.path("valid").asBoolean() ? "The seeder would apply this input." : "The seeder refuses this input: fix the errors above.");
        return plan.path("valid").asBoolean();
    }
}
