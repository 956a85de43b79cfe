package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;

import java.util.List;

/**
 * Benchmark, not a test (issue 20 §2): throughput of {@code OwnedResources/list} and {@code Clients/find} by one
 * CustomerId under {@code hey} load, with N clients and N resources set up as {@link ApiBenchmark} does. Every answer
 * must be 200; each run gets a fresh token of the system client (a registrar with every API scope) that outlives it.
 * Run it with {@code scripts/bench-load.sh api}.
 */
public final class LoadApiBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (KeycloakServer kc = KeycloakServer.start()) {
            IdsApi api = new IdsApi(kc);
            System.out.printf("Keycloak %s, H2 dev mode, %d clients, %d resources; %d s warm-up, then %d s at -c %d per call%n",
                    System.getProperty("ib.keycloak.version"), n, n, warmup, seconds, concurrency);
            ApiBenchmark.seedClients(kc, n);
            ApiBenchmark.registerResources(api, n);
            String customer = ApiBenchmark.customer(n / 2 / 5 * 5);
            List<String[]> calls = List.of(
                    new String[] {"OwnedResources/list", "{\"Type\":\"TempAccess\",\"CustomerIds\":[\"" + customer + "\"]}"},
                    new String[] {"Clients/find", "{\"CustomerIds\":[\"" + customer + "\"]}"});
            for (String[] call : calls) {
                String token = tokenFor(api, seconds + warmup);
                // The answer hey cannot read, checked once: one owner with five resources, or five clients.
                String answer = api.ok(call[0], token, call[1]).toString();
                System.out.printf("%s answers %d characters for %s%n", call[0], answer.length(), customer);
                if (warmup > 0) {
                    Hey.api(kc.realmUrl() + "/" + call[0], warmup, concurrency, token, call[1]).expect(200, call[0] + " warm-up");
                }
            }
            System.out.printf("%n%-22s %10s %10s   %s%n", "call", "req/s", "requests", "statuses");
            for (String[] call : calls) {
                String token = tokenFor(api, seconds);
                Hey.Run run = Hey.api(kc.realmUrl() + "/" + call[0], seconds, concurrency, token, call[1]);
                System.out.printf("%-22s %10.1f %10d   %s%n", call[0], run.rps(), run.requests(), run.statuses());
                run.expect(200, call[0]);
            }
        }
    }

    /** A fresh system-client token, refused if it would expire during the next {@code seconds}. */
    private static String tokenFor(IdsApi api, int seconds) {
        String token = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, "find_clients get_resource_list IdentityServerApi");
        long exp = Http.jwtPayload(token).get("exp").asLong();
        if (exp - System.currentTimeMillis() / 1000 < seconds + 30L) {
            throw new IllegalStateException("the token lives until " + exp + ", shorter than a " + seconds + " s run");
        }
        return token;
    }
}
