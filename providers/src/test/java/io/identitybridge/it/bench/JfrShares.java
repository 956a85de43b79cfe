package io.identitybridge.it.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JFR method profile reduced to inclusive shares: of the samples taken in the token endpoint, the share whose stack
 * holds a method, counted once per sample. Prints our code's share and methods, Keycloak's heaviest, and, given two
 * profiles, the methods whose share differs most between them (what one side does that the other does not).
 * {@code java ... JfrShares a.jfr [b.jfr]}; the token-path benchmark calls it on its own profiles.
 */
public final class JfrShares {

    private static final String TOKEN_ENDPOINT = "org.keycloak.protocol.oidc.endpoints.TokenEndpoint.processGrantRequest";
    private static final String OURS = "io.identitybridge.";

    private final Map<String, Integer> inclusive = new HashMap<>();
    private int samples;
    private int ours;

    private JfrShares() {
    }

    public static void main(String[] args) throws IOException {
        JfrShares a = read(Path.of(args[0]));
        a.print(args[0]);
        if (args.length > 1) {
            JfrShares b = read(Path.of(args[1]));
            b.print(args[1]);
            diff(args[0], a, args[1], b);
        }
    }

    static JfrShares read(Path jfr) throws IOException {
        JfrShares shares = new JfrShares();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            Set<String> methods = new HashSet<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                if (f.isJavaFrame()) {
                    methods.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
            }
            if (!methods.contains(TOKEN_ENDPOINT)) {
                continue;
            }
            shares.samples++;
            if (methods.stream().anyMatch(m -> m.startsWith(OURS))) {
                shares.ours++;
            }
            methods.forEach(m -> shares.inclusive.merge(m, 1, Integer::sum));
        }
        return shares;
    }

    double share(String method) {
        return samples == 0 ? 0 : inclusive.getOrDefault(method, 0) * 100.0 / samples;
    }

    void print(String name) {
        System.out.printf("%n%s: %d samples in the token endpoint; with a frame of ours %.1f %%%n", name, samples,
                samples == 0 ? 0 : ours * 100.0 / samples);
        top(m -> m.startsWith(OURS), 15).forEach(m -> System.out.printf("  %5.1f %%  %s%n", share(m), m));
        System.out.println("  heaviest of Keycloak (inclusive):");
        top(m -> m.startsWith("org.keycloak.") && share(m) < 99.5, 25).forEach(m -> System.out.printf("  %5.1f %%  %s%n", share(m), m));
    }

    private List<String> top(java.util.function.Predicate<String> which, int n) {
        return inclusive.keySet().stream().filter(which).filter(m -> share(m) >= 0.5)
                .sorted((x, y) -> Double.compare(share(y), share(x))).limit(n).toList();
    }

    static void diff(String aName, JfrShares a, String bName, JfrShares b) {
        Set<String> all = new HashSet<>(a.inclusive.keySet());
        all.addAll(b.inclusive.keySet());
        System.out.printf("%nlargest differences of inclusive share, %s minus %s:%n", aName, bName);
        all.stream().filter(m -> Math.abs(a.share(m) - b.share(m)) >= 1.0)
                .sorted((x, y) -> Double.compare(Math.abs(a.share(y) - b.share(y)), Math.abs(a.share(x) - b.share(x))))
                .limit(30).forEach(m -> System.out.printf("  %+6.1f  (%5.1f vs %5.1f)  %s%n", a.share(m) - b.share(m), a.share(m), b.share(m), m));
    }
}
