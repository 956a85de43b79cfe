package io.identitybridge.signingkey.rotation;

import java.util.Locale;

/** Durations as operators write them in options: a whole number with {@code s}, {@code m}, {@code h} or {@code d}. */
public final class Durations {

    /** Ten years: longer is a typo, and the seconds must stay far from overflow when added to a timestamp. */
    static final long MAX_SECONDS = 10L * 365 * 24 * 3600;

    private Durations() {
    }

    /** Seconds, or an {@link IllegalArgumentException} whose message says what is accepted. */
    public static long seconds(String text) {
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (v.length() < 2 || v.length() > 12) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 90d, 12h, 30m or 60s");
        }
        long unit = switch (v.charAt(v.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> throw new IllegalArgumentException("'" + text + "' has no unit: end it with s, m, h or d (for example 90d)");
        };
        String digits = v.substring(0, v.length() - 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number followed by s, m, h or d");
        }
        long n = Long.parseLong(digits);
        if (n < 1 || n > MAX_SECONDS / unit) {
            throw new IllegalArgumentException("'" + text + "' must be between 1s and " + MAX_SECONDS / 86400 + "d");
        }
        return n * unit;
    }

    /** The shortest exact spelling, for logs and the console: 7776000 is "90d", 90 is "90s". */
    public static String text(long seconds) {
        for (long[] u : new long[][]{{86400, 'd'}, {3600, 'h'}, {60, 'm'}}) {
            if (seconds >= u[0] && seconds % u[0] == 0) {
                return seconds / u[0] + String.valueOf((char) u[1]);
            }
        }
        return seconds + "s";
    }
}
