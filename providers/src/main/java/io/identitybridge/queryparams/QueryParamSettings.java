package io.identitybridge.queryparams;

import io.identitybridge.config.Option;
import io.identitybridge.config.Options;

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

    /** The realm executor's configuration key; the server option of the same name is {@link Options#UNKNOWN_PARAMETERS}. */
    public static final String OPT_UNKNOWN_PARAMETERS = "unknown-parameters";

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
        int length = positive(option, Options.MAX_VALUE_LENGTH);
        int count = positive(option, Options.MAX_PARAMETERS);
        String modeText = option.apply(Options.UNKNOWN_PARAMETERS.name());
        Mode mode = Mode.parse(modeText == null || modeText.isBlank() ? (String) Options.UNKNOWN_PARAMETERS.defaultValue() : modeText);
        if (mode == null) {
            throw new IllegalArgumentException(name(Options.UNKNOWN_PARAMETERS) + " must be 'reject' or 'drop'");
        }
        return new QueryParamSettings(length, count, mode);
    }

    /** A blank value is an unset one. */
    private static int positive(Function<String, String> option, Option key) {
        String text = option.apply(key.name());
        if (text == null || text.isBlank()) {
            return (Integer) key.defaultValue();
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= key.min() && value <= key.max()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name(key) + " must be a whole number from " + key.min() + " to " + key.max());
    }

    private static String name(Option key) {
        return "option " + key.conf();
    }
}
