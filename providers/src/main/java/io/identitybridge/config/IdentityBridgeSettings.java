package io.identitybridge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-wide settings of the bundle, read once at start from the {@code identity-bridge} SPI options.
 * A wrong value stops the server with a message naming the option, never a silent default.
 */
public record IdentityBridgeSettings(String realm) {

    public static final String OPT_REALM = "realm";
    public static final String DEFAULT_REALM = "creatio";

    /** Reads and checks the options; {@code lookup} returns null for an option that is not set. */
    public static IdentityBridgeSettings parse(Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        String realm = lookup.apply(OPT_REALM);
        if (realm == null) {
            realm = DEFAULT_REALM;
        } else if (realm.isBlank()) {
            problems.add(problem(OPT_REALM, "is empty; leave it unset for '" + DEFAULT_REALM + "' or name a realm"));
        } else if (!realm.equals(realm.strip())) {
            problems.add(problem(OPT_REALM, "has leading or trailing spaces: '" + realm + "'"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + String.join("; ", problems));
        }
        return new IdentityBridgeSettings(realm);
    }

    /** The CLI spelling of an option, so that messages point at what the operator typed. */
    public static String cliName(String option) {
        return "--spi-" + IdentityBridgeSpi.NAME + "--" + DefaultIdentityBridgeProviderFactory.PROVIDER_ID + "--" + option;
    }

    private static String problem(String option, String what) {
        return cliName(option) + " " + what;
    }
}
