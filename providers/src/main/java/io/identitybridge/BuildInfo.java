package io.identitybridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The jar's own version, as Maven stamped it at build time. */
public final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The Keycloak version whose API this jar was compiled against. */
    public static String keycloakVersion() {
        return PROPS.getProperty("keycloak.version", "unknown");
    }

    /** The Keycloak line this release supports, e.g. {@code 26.7}: the pom's {@code keycloak.supported.line}. */
    public static String supportedLine() {
        return PROPS.getProperty("keycloak.supported.line", "unknown");
    }

    /** The Keycloak versions the release's tests ran on, e.g. {@code 26.7.0, 26.7.3}. */
    public static String testedVersions() {
        return PROPS.getProperty("keycloak.tested", "unknown");
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar's build.properties", e);
        }
        return props;
    }
}
