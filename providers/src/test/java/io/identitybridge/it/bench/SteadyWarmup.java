package io.identitybridge.it.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Load before measuring, until throughput stops climbing. On these 2-core machines the JIT compiles while the load
 * runs, and a server takes one to four minutes of load to settle; after a burst of other work (registering resources,
 * say) it deoptimises and climbs again. A fixed warm-up measured that climb as a cost (issue 21 §4's "drift").
 * Runs short chunks, round-robin over the sides, until every side's last {@value #WINDOW} chunks lie within
 * {@value #SPREAD_PERCENT} % of each other, or {@value #MAX_SECONDS} s have passed (said in the output).
 */
final class SteadyWarmup {

    static final int CHUNK_SECONDS = 5;
    static final int WINDOW = 3;
    static final int SPREAD_PERCENT = 4;
    static final int MAX_SECONDS = 420;

    /** One side's load for some seconds, returning its requests per second. */
    interface Chunk {
        double rps(int seconds) throws Exception;
    }

    private SteadyWarmup() {
    }

    /** At least {@code minSeconds} of load in all, then until steady; returns the seconds of load spent. */
    static int run(String label, List<Chunk> sides, int minSeconds) throws Exception {
        List<List<Double>> seen = new ArrayList<>();
        sides.forEach(s -> seen.add(new ArrayList<>()));
        int spent = 0;
        while (spent < minSeconds || (!steady(seen) && spent < MAX_SECONDS)) {
            for (int k = 0; k < sides.size(); k++) {
                seen.get(k).add(sides.get(k).rps(CHUNK_SECONDS));
                spent += CHUNK_SECONDS;
            }
        }
        System.out.printf("%s: warm-up %d s of load, %s%n", label, spent, steady(seen)
                ? "steady (last " + WINDOW + " chunks per side within " + SPREAD_PERCENT + " %)" : "NOT steady at the cap: figures include a climb");
        return spent;
    }

    static boolean steady(List<List<Double>> seen) {
        return seen.stream().allMatch(SteadyWarmup::steadySide);
    }

    static boolean steadySide(List<Double> rps) {
        if (rps.size() < WINDOW) {
            return false;
        }
        List<Double> last = rps.subList(rps.size() - WINDOW, rps.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max <= min * (1 + SPREAD_PERCENT / 100.0);
    }
}
