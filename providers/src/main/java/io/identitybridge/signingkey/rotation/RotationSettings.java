package io.identitybridge.signingkey.rotation;

import io.identitybridge.config.IdentityBridgeSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The rotation options. {@code rotation} is 0 when rotation is off; {@code algorithm} is null for "the certificate's,
 * else RS256". The retention here is the configured one: the schedule never uses less than the longest token lifetime.
 */
public record RotationSettings(long rotation, long propagation, long retention, String algorithm) {

    public static final String OPT_ROTATION = "signing-key-rotation";
    public static final String OPT_PROPAGATION = "signing-key-propagation";
    public static final String OPT_RETENTION = "signing-key-retention";
    public static final String OPT_ALGORITHM = "signing-algorithm";
    public static final String DEFAULT_PROPAGATION = "14d";
    public static final String DEFAULT_RETENTION = "14d";
    /** What Keycloak's generated key providers make and Creatio's verifiers accept. */
    public static final Set<String> ALGORITHMS = Set.of("RS256", "PS256", "ES256", "ES384", "ES512");

    public static RotationSettings parse(Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        String rotationText = lookup.apply(OPT_ROTATION);
        long rotation = 0;
        if (rotationText != null && !rotationText.isBlank() && !rotationText.strip().equalsIgnoreCase("off")) {
            rotation = duration(OPT_ROTATION, rotationText, problems);
        }
        long propagation = duration(OPT_PROPAGATION, orDefault(lookup.apply(OPT_PROPAGATION), DEFAULT_PROPAGATION), problems);
        long retention = duration(OPT_RETENTION, orDefault(lookup.apply(OPT_RETENTION), DEFAULT_RETENTION), problems);
        String algorithm = lookup.apply(OPT_ALGORITHM);
        if (algorithm != null && !algorithm.isBlank()) {
            algorithm = algorithm.strip().toUpperCase(Locale.ROOT);
            if (!ALGORITHMS.contains(algorithm)) {
                problems.add(IdentityBridgeSettings.cliName(OPT_ALGORITHM) + " '" + lookup.apply(OPT_ALGORITHM)
                        + "' must be one of RS256, PS256, ES256, ES384, ES512");
            }
        } else {
            algorithm = null;
        }
        if (rotation > 0 && problems.isEmpty() && propagation > rotation) {
            problems.add(IdentityBridgeSettings.cliName(OPT_PROPAGATION) + " (" + Durations.text(propagation) + ") must not be longer than "
                    + IdentityBridgeSettings.cliName(OPT_ROTATION) + " (" + Durations.text(rotation) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + String.join("; ", problems));
        }
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

    private static String orDefault(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }

    private static long duration(String option, String text, List<String> problems) {
        try {
            return Durations.seconds(text);
        } catch (IllegalArgumentException e) {
            problems.add(IdentityBridgeSettings.cliName(option) + " " + e.getMessage());
            return 1;
        }
    }
}
