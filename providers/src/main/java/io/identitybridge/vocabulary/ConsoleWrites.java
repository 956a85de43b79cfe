package io.identitybridge.vocabulary;

import org.keycloak.models.KeycloakSession;

import java.util.function.Supplier;

/**
 * Writes of admin-console components that our own code makes (mirroring a resource, recording a seeding), marked on
 * the session, which no HTTP caller can set: the console pages then tell them from an administrator's call.
 */
public final class ConsoleWrites {

    private static final String OURS = "ib.console.internal";

    private ConsoleWrites() {
    }

    public static <T> T ours(KeycloakSession session, Supplier<T> write) {
        Object before = session.getAttribute(OURS);
        session.setAttribute(OURS, Boolean.TRUE);
        try {
            return write.get();
        } finally {
            if (before == null) {
                session.removeAttribute(OURS);
            }
        }
    }

    public static boolean areOurs(KeycloakSession session) {
        return session.getAttribute(OURS) != null;
    }
}
