package io.identitybridge.boot;

import java.util.Optional;

/**
 * Whether the running Keycloak is of the line this release supports. The bundle uses SPIs Keycloak marks internal,
 * which may change in any minor release, so another line is worth a WARN that names what was tested.
 */
final class KeycloakLine {

    private KeycloakLine() {
    }

    /** {@code 26.7.3} is in line {@code 26.7}; {@code 26.70.0}, {@code 26.8.0} and {@code 999.0.0-SNAPSHOT} are not. */
    static boolean contains(String line, String running) {
        return running != null && line != null && !line.isBlank()
                && (running.equals(line) || running.startsWith(line + "."));
    }

    /** The WARN for a Keycloak outside the line, or nothing when it is inside. */
    static Optional<String> warning(String release, String line, String tested, String running) {
        if (contains(line, running)) {
            return Optional.empty();
        }
        return Optional.of("Identity Bridge " + release + " supports Keycloak " + line + ".x (tested on " + tested
                + "); this server is Keycloak " + running + ". Its internal SPIs may differ: run the release made for it,"
                + " or test this one before production.");
    }
}
