package io.identitybridge.it.bench;

import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.SecurityFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 20 §5): what a loop of wrong secrets against one client costs the server, beside
 * normal client_credentials tokens of the same client, on the same server in the same run. Per request it reports
 * the Keycloak JVM's CPU time ({@link ServerCpu}) and the bytes its log grew, and whether {@code WrongSecretWatch}'s
 * WARN appeared. Every wrong secret must answer 401 and every right one 200. Rounds alternate which goes first.
 * Run it with {@code scripts/bench-load.sh wrong-secret}.
 */
public final class WrongSecretBenchmark {

    private static final String CLIENT = "bench-wrong-secret-client";
    private static final String SECRET = "bench-load-secret-0123456789abcdefghijklmn";
    private static final String WRONG = "bench-load-wrong-secret-0123456789abcdefghij";
    private static final String WARN = "wrong secrets within";

    private record Measured(double rps, long requests, long cpuMillis, long logBytes) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (KeycloakServer kc = KeycloakServer.start()) {
            SecurityFixtures.seed(kc, List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET),
                    "AllowedGrantTypes", List.of("client_credentials"))));
            ServerCpu cpu = ServerCpu.ofTheOneServer();
            Path log = Install.workDir().resolve("keycloak-suite.log");
            String url = kc.realmUrl() + "/connect/token";
            System.out.printf("Keycloak %s, H2 dev mode, server JVM pid %d; %d s warm-up each, then %d rounds of %d s each at -c %d%n",
                    System.getProperty("ib.keycloak.version"), cpu.pid(), warmup, rounds, seconds, concurrency);
            if (warmup > 0) {
                Hey.token(url, warmup, concurrency, CLIENT, SECRET).expect(200, "right secret, warm-up");
                Hey.token(url, warmup, concurrency, CLIENT, WRONG).expect(401, "wrong secret, warm-up");
            }
            List<Measured> right = new ArrayList<>();
            List<Measured> wrong = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (boolean rightSide : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    long cpu0 = cpu.millis();
                    long log0 = Files.size(log);
                    Hey.Run run = Hey.token(url, seconds, concurrency, CLIENT, rightSide ? SECRET : WRONG)
                            .expect(rightSide ? 200 : 401, rightSide ? "right secret" : "wrong secret");
                    Measured m = new Measured(run.rps(), run.requests(), cpu.millis() - cpu0, Files.size(log) - log0);
                    (rightSide ? right : wrong).add(m);
                    System.out.printf("round %d, %-12s %8.1f req/s %8d requests %8d CPU-ms %9d log bytes%n", r,
                            rightSide ? "right secret" : "wrong secret", m.rps(), m.requests(), m.cpuMillis(), m.logBytes());
                }
            }
            Measured a = total(right);
            Measured b = total(wrong);
            double cpuRight = (double) a.cpuMillis() / a.requests();
            double cpuWrong = (double) b.cpuMillis() / b.requests();
            System.out.printf("%n%-14s %10s %14s %12s%n", "", "req/s", "CPU-ms/request", "log B/request");
            System.out.printf("%-14s %10.1f %14.3f %12.1f%n", "right secret", a.rps(), cpuRight, (double) a.logBytes() / a.requests());
            System.out.printf("%-14s %10.1f %14.3f %12.1f%n", "wrong secret", b.rps(), cpuWrong, (double) b.logBytes() / b.requests());
            System.out.printf("ratio wrong/right: req/s %.3f, CPU per request %.3f (req/s are means of %d rounds)%n",
                    b.rps() / a.rps(), cpuWrong / cpuRight, rounds);
            long warns = kc.log().lines().filter(l -> l.contains("WARN") && l.contains(WARN) && l.contains(CLIENT)).count();
            System.out.printf("WrongSecretWatch WARN lines for %s: %d (one per client, node and minute window that reaches 20)%n", CLIENT, warns);
            if (kc.log().contains(WRONG)) {
                throw new IllegalStateException("the wrong secret reached the server log");
            }
            Hey.token(url, 1, 1, CLIENT, SECRET).expect(200, "right secret after the loop (never locked out)");
        }
    }

    private static Measured total(List<Measured> runs) {
        return new Measured(runs.stream().mapToDouble(Measured::rps).average().orElse(0), runs.stream().mapToLong(Measured::requests).sum(),
                runs.stream().mapToLong(Measured::cpuMillis).sum(), runs.stream().mapToLong(Measured::logBytes).sum());
    }
}
