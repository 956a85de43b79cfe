package io.identitybridge.config;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The one answer to "is this the bridge's realm?": the realm named by {@code --spi-identity-bridge--default--realm}.
 * Every answer is "no" when the identity-bridge provider is absent (a session without our SPI).
 */
public final class BridgeRealm {

    private BridgeRealm() {
    }

    /** The bridge realm's name, or null without a session or without the provider. */
    public static String name(KeycloakSession session) {
        IdentityBridgeProvider bridge = session == null ? null : session.getProvider(IdentityBridgeProvider.class);
        return bridge == null ? null : bridge.settings().realm();
    }

    public static boolean serves(KeycloakSession session, RealmModel realm) {
        String name = name(session);
        return name != null && realm != null && name.equals(realm.getName());
    }

    /** The bridge realm, or null when it does not exist (yet). */
    public static RealmModel find(KeycloakSession session) {
        String name = name(session);
        return name == null ? null : session.realms().getRealmByName(name);
    }

    /** A request path (with its leading slash) under the bridge realm's base URL. */
    public static boolean servesPath(KeycloakSession session, String path) {
        String name = name(session);
        return name != null && path.startsWith("/realms/" + name + "/");
    }
}
