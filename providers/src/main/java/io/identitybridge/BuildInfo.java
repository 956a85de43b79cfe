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

    /** The Keycloak version this jar was compiled and tested against. */
    public static String keycloakVersion() {
        return PROPS.getProperty("keycloak.version", "unknown");
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
