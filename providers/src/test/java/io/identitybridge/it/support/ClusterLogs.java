package io.identitybridge.it.support;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the cluster tests read from the nodes' logs: the Infinispan view, and the runs of the expiry sweep. */
public final class ClusterLogs {

    /** The expiry sweep logs, at DEBUG, whether this node swept in this interval or left it to another node. */
    public static final String SWEEP_CATEGORY = "io.identitybridge.ownedresources";
    /** A plain view (ISPN000094) or, after nodes that started together formed two views, the merged one (ISPN000093). */
    private static final Pattern VIEW = Pattern.compile(
            "ISPN00009[34]: Received new(?:, MERGED)? cluster view for channel \\S+: (?:MergeView::)?\\[[^]]*] \\((\\d+)\\)");
    private static final Pattern EXECUTED = Pattern.compile("^(\\S+ \\S+) .*Expired-resource sweep runs on this node");
    private static final Pattern SKIPPED = Pattern.compile("Expired-resource sweep skipped: another node swept");
    private static final Pattern REMOVED = Pattern.compile("Removed (\\d+) expired resource\\(s\\)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private ClusterLogs() {
    }

    /**
     * Waits until every node's latest Infinispan view has {@code members} members (nodes started together may form
     * two views first and merge later); returns the milliseconds waited.
     */
    public static long awaitView(int members, KeycloakProcess... nodes) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 90_000_000_000L;
        while (true) {
            boolean all = true;
            for (KeycloakProcess node : nodes) {
                all &= lastView(node.log()) == members;
            }
            if (all) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder tails = new StringBuilder();
                for (KeycloakProcess node : nodes) {
                    tails.append(node.logTail()).append('\n');
                }
                throw new AssertionError("no " + members + "-member cluster view within 90 s\n" + tails);
            }
            Thread.sleep(250);
        }
    }

    public static int lastView(String log) {
        int size = 0;
        Matcher m = VIEW.matcher(log);
        while (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        return size;
    }

    public record SweepRuns(int executed, int skipped, int removed, long minGapMillis) {
        @Override
        public String toString() {
            return "executed " + executed + "x, skipped by the other node " + skipped + "x, removed " + removed
                    + " rows, closest two runs " + (minGapMillis == Long.MAX_VALUE ? "-" : minGapMillis + " ms") + " apart";
        }
    }

    private static LocalDateTime timeOf(String line) {
        try {
            return line.length() < 23 ? null : LocalDateTime.parse(line.substring(0, 23), TIME);
        } catch (java.time.format.DateTimeParseException notALogLine) {
            return null;
        }
    }

    /** The sweep's executions on all nodes since a time, merged by time; skips; rows removed. */
    public static SweepRuns sweepRuns(LocalDateTime since, KeycloakProcess... nodes) {
        List<LocalDateTime> executed = new ArrayList<>();
        int skipped = 0;
        int removed = 0;
        for (KeycloakProcess node : nodes) {
            for (String line : node.log().lines().toList()) {
                LocalDateTime at = timeOf(line);
                if (at == null || at.isBefore(since)) {
                    continue;
                }
                Matcher e = EXECUTED.matcher(line);
                if (e.find()) {
                    executed.add(LocalDateTime.parse(e.group(1), TIME));
                }
                if (SKIPPED.matcher(line).find()) {
                    skipped++;
                }
                Matcher r = REMOVED.matcher(line);
                if (r.find()) {
                    removed += Integer.parseInt(r.group(1));
                }
            }
        }
        Collections.sort(executed);
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < executed.size(); i++) {
            minGap = Math.min(minGap, executed.get(i - 1).until(executed.get(i), ChronoUnit.MILLIS));
        }
        return new SweepRuns(executed.size(), skipped, removed, minGap);
    }
}
