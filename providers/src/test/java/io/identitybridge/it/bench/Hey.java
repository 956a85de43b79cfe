package io.identitybridge.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code hey} run of any POST, for the load benchmarks: requests per second and every status it saw, so that a
 * benchmark can demand exactly the answers it expects (200 for a token, 401 for a wrong secret).
 */
public final class Hey {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    // Only the status section: the latency histogram also prints counts in brackets.
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern ERROR = Pattern.compile("^\\s+\\[(\\d+)]\\s+(.*)$", Pattern.MULTILINE);

    /** Requests per second, the count of each status, and hey's transport errors (timeouts, refused connections). */
    public record Run(double rps, Map<Integer, Long> statuses, long errors, String errorText) {

        public long requests() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Fails the benchmark unless every answer had the expected status and no request failed in transport. */
        public Run expect(int status, String what) {
            if (errors > 0 || statuses.keySet().stream().anyMatch(s -> s != status) || !statuses.containsKey(status)) {
                throw new IllegalStateException(what + ": expected only " + status + ", hey saw " + statuses
                        + (errors > 0 ? " and " + errors + " transport errors:\n" + errorText : ""));
            }
            return this;
        }
    }

    private Hey() {
    }

    /** POSTs {@code body} for {@code seconds} over {@code concurrency} connections with the given headers. */
    public static Run post(String url, int seconds, int concurrency, String contentType, List<String> headers, String body)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("hey", "-z", seconds + "s", "-c", String.valueOf(concurrency),
                "-m", "POST", "-T", contentType));
        for (String h : headers) {
            command.add("-H");
            command.add(h);
        }
        command.addAll(List.of("-d", body, url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in hey's output for " + url);
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Matcher m = STATUS.matcher(out); m.find(); ) {
            statuses.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long::sum);
        }
        int errorsAt = out.indexOf("Error distribution:");
        long errors = 0;
        String errorText = "";
        if (errorsAt >= 0) {
            errorText = out.substring(errorsAt);
            for (Matcher m = ERROR.matcher(errorText); m.find(); ) {
                errors += Long.parseLong(m.group(1));
            }
        }
        return new Run(Double.parseDouble(rps.group(1)), statuses, errors, errorText);
    }

    /** client_credentials at {@code url} with Basic authentication of {@code client}:{@code secret}. */
    public static Run token(String url, int seconds, int concurrency, String client, String secret) throws IOException, InterruptedException {
        return token(url, seconds, concurrency, client, secret, null);
    }

    /** The same with a {@code scope} parameter (null: none), as Creatio's own token request names {@code find_clients}. */
    public static Run token(String url, int seconds, int concurrency, String client, String secret, String scope)
            throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(url, seconds, concurrency, "application/x-www-form-urlencoded", List.of("Authorization: Basic " + basic),
                "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope));
    }

    /** A JSON POST with a bearer token, as Creatio calls the Identity Service API. */
    public static Run api(String url, int seconds, int concurrency, String bearer, String json) throws IOException, InterruptedException {
        return post(url, seconds, concurrency, "application/json", List.of("Authorization: Bearer " + bearer), json);
    }
}
