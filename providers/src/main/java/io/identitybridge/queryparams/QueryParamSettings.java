package io.identitybridge.queryparams;

import java.util.Locale;
import java.util.function.Function;

/**
 * Server-wide options of the executor {@value QueryParamsExecutorFactory#PROVIDER_ID}, read once at start; a wrong
 * value stops the start with a message that names the option.
 *
 * @param maxValueLength longest value kept, after control characters are stripped
 * @param maxParameters  most extra parameters one request may carry
 * @param defaultMode    what happens to a parameter that is not allowed, unless the realm's executor says otherwise
 */
public record QueryParamSettings(int maxValueLength, int maxParameters, Mode defaultMode) {

    public static final String OPT_MAX_VALUE_LENGTH = "max-value-length";
    public static final String OPT_MAX_PARAMETERS = "max-parameters";
    public static final String OPT_UNKNOWN_PARAMETERS = "unknown-parameters";
    public static final int DEFAULT_MAX_VALUE_LENGTH = 4000;
    public static final int DEFAULT_MAX_PARAMETERS = 20;

    /** The two answers to a parameter that is neither standard nor allowed. */
    public enum Mode {
        REJECT, DROP;

        /** Null for anything but {@code reject} or {@code drop}, in any case. */
        public static Mode parse(String text) {
            if (text == null) {
                return null;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "reject" -> REJECT;
                case "drop" -> DROP;
                default -> null;
            };
        }

        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static QueryParamSettings parse(Function<String, String> option) {
        int length = positive(option, OPT_MAX_VALUE_LENGTH, DEFAULT_MAX_VALUE_LENGTH, 1_000_000);
        int count = positive(option, OPT_MAX_PARAMETERS, DEFAULT_MAX_PARAMETERS, 1000);
        String modeText = option.apply(OPT_UNKNOWN_PARAMETERS);
        Mode mode = modeText == null || modeText.isBlank() ? Mode.REJECT : Mode.parse(modeText);
        if (mode == null) {
            throw new IllegalArgumentException(name(OPT_UNKNOWN_PARAMETERS) + " must be 'reject' or 'drop'");
        }
        return new QueryParamSettings(length, count, mode);
    }

    private static int positive(Function<String, String> option, String key, int fallback, int max) {
        String text = option.apply(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name(key) + " must be a whole number from 1 to " + max);
    }

    private static String name(String key) {
        return "option spi-client-policy-executor--" + QueryParamsExecutorFactory.PROVIDER_ID + "--" + key;
    }
}
