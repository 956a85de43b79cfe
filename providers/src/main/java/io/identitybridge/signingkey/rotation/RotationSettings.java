package io.identitybridge.signingkey.rotation;

import io.identitybridge.config.Option;
import io.identitybridge.config.OptionReader;
import io.identitybridge.config.Options;

import java.util.function.Function;

/**
 * The rotation options. {@code rotation} is 0 when rotation is off; {@code algorithm} is null for "the certificate's,
 * else RS256". The retention here is the configured one: the schedule never uses less than the longest token lifetime.
 * A blank option is an unset one.
 */
public record RotationSettings(long rotation, long propagation, long retention, String algorithm) {

    public static RotationSettings parse(Function<String, String> lookup) {
        OptionReader in = new OptionReader(name -> {
            String v = lookup.apply(name);
            return v == null || v.isBlank() ? null : v;
        });
        String rotationText = in.text(Options.SIGNING_KEY_ROTATION);
        long rotation = 0;
        if (rotationText != null && !rotationText.strip().equalsIgnoreCase("off")) {
            rotation = duration(in, Options.SIGNING_KEY_ROTATION);
        }
        long propagation = duration(in, Options.SIGNING_KEY_PROPAGATION);
        long retention = duration(in, Options.SIGNING_KEY_RETENTION);
        String algorithm = in.choice(Options.SIGNING_ALGORITHM);
        if (rotation > 0 && in.ok() && propagation > rotation) {
            in.problem(Options.SIGNING_KEY_PROPAGATION, "(" + Durations.text(propagation) + ") must not be longer than "
                    + Options.SIGNING_KEY_ROTATION.cli() + " (" + Durations.text(rotation) + ")");
        }
        in.check();
        return new RotationSettings(rotation, propagation, retention, algorithm);
    }

    public boolean enabled() {
        return rotation > 0;
    }

    /** The policy for a realm: the algorithm falls back to the given one, the retention to the longest token lifetime. */
    public RotationPolicy policy(String fallbackAlgorithm, long longestTokenLifetime) {
        return new RotationPolicy(rotation, propagation, Math.max(retention, longestTokenLifetime),
                algorithm != null ? algorithm : fallbackAlgorithm);
    }

    /** The option's duration in seconds, its default when unset; 1 when wrong (the start stops anyway). */
    private static long duration(OptionReader in, Option option) {
        String text = in.text(option);
        try {
            return Durations.seconds(text != null ? text : (String) option.defaultValue());
        } catch (IllegalArgumentException e) {
            in.problem(option, e.getMessage());
            return 1;
        }
    }
}
