package io.identitybridge.it.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short {@code hey} runs of several sides of one server, interleaved: slice after slice, each side once per slice in
 * an order that rotates, so that whatever else the machine does in a minute falls on every side alike. Per run it
 * keeps the throughput and the server's CPU time per request; results are medians with their spread.
 */
final class Slices {

    /** One measured side: a token URL, the client that asks it and the {@code scope} it names (null: none). */
    record Side(String name, String url, String client, String secret, String scope) {
        Side(String name, String url, String client, String secret) {
            this(name, url, client, secret, null);
        }
    }

    private final String phase;
    private final Map<String, List<Double>> rps = new LinkedHashMap<>();
    private final Map<String, List<Double>> cpuMicros = new LinkedHashMap<>();

    private Slices(String phase) {
        this.phase = phase;
    }

    /**
     * Warms the sides up for at least {@code warmup} seconds each and until steady ({@link SteadyWarmup}), then
     * {@code slices} slices of {@code seconds} per side.
     */
    static Slices run(String phase, List<Side> sides, int warmup, int slices, int seconds, int conns) throws Exception {
        List<SteadyWarmup.Chunk> chunks = new ArrayList<>();
        for (Side side : sides) {
            chunks.add(s -> once(side, s, conns).rps());
        }
        SteadyWarmup.run(phase, chunks, warmup * sides.size());
        Slices result = new Slices(phase);
        ServerCpu cpu = ServerCpu.ofTheOneServer();
        for (int k = 0; k < slices; k++) {
            List<Side> order = new ArrayList<>(sides);
            Collections.rotate(order, k);
            StringBuilder line = new StringBuilder(String.format("%-7s slice %2d:", phase, k));
            for (Side side : order) {
                long before = cpu.millis();
                Hey.Run run = once(side, seconds, conns);
                double micros = (cpu.millis() - before) * 1000.0 / Math.max(1, run.requests());
                result.rps.computeIfAbsent(side.name(), n -> new ArrayList<>()).add(run.rps());
                result.cpuMicros.computeIfAbsent(side.name(), n -> new ArrayList<>()).add(micros);
                line.append(String.format("  %s %.1f req/s %.0f µs", side.name(), run.rps(), micros));
            }
            System.out.println(line);
        }
        return result;
    }

    /** The slices of two runs of the same sides as one, under {@code phase}. */
    static Slices merge(String phase, Slices a, Slices b) {
        Slices all = new Slices(phase);
        for (Slices part : List.of(a, b)) {
            part.rps.forEach((k, v) -> all.rps.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
            part.cpuMicros.forEach((k, v) -> all.cpuMicros.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
        }
        return all;
    }

    static Hey.Run once(Side side, int seconds, int conns) throws Exception {
        return Hey.token(side.url(), seconds, conns, side.client(), side.secret(), side.scope()).expect(200, "hey against " + side.url());
    }

    double medianRps(String side) {
        return ConnectBenchmark.median(rps.get(side));
    }

    double medianCpu(String side) {
        return ConnectBenchmark.median(cpuMicros.get(side));
    }

    /** The median throughput with the quartiles and extremes of the slices, e.g. {@code 912.3 (q 880–950, 801–990)}. */
    String describe(String side) {
        return String.format("%s/%s %.1f req/s %s, server CPU %.0f µs/request %s", phase, side, medianRps(side),
                spread(rps.get(side), "%.0f"), medianCpu(side), spread(cpuMicros.get(side), "%.0f"));
    }

    /**
     * {@code a} here over {@code b} in {@code other}: the ratio of median throughputs, the same for server CPU per
     * request (inverted, so that above 1 is cheaper for both), and the quartiles of the slice-by-slice ratios.
     */
    String ratio(String a, Slices other, String b) {
        List<Double> byRps = new ArrayList<>();
        List<Double> byCpu = new ArrayList<>();
        int n = Math.min(rps.get(a).size(), other.rps.get(b).size());
        for (int k = 0; k < n; k++) {
            byRps.add(rps.get(a).get(k) / other.rps.get(b).get(k));
            byCpu.add(other.cpuMicros.get(b).get(k) / cpuMicros.get(a).get(k));
        }
        return String.format("%.3f by throughput (slice ratios %s), %.3f by server CPU per request (slice ratios %s)",
                medianRps(a) / other.medianRps(b), spread(byRps, "%.2f"), other.medianCpu(b) / medianCpu(a), spread(byCpu, "%.2f"));
    }

    private static String spread(List<Double> values, String format) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        String f = "q " + format + "–" + format + ", " + format + "–" + format;
        return "(" + String.format(f, s.get(n / 4), s.get((3 * n - 1) / 4), s.get(0), s.get(n - 1)) + ")";
    }
}
