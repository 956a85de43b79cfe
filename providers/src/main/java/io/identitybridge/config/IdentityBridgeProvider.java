package io.identitybridge.config;

import org.keycloak.provider.Provider;

/** Gives the rest of the bundle the server-wide settings read at start. */
public interface IdentityBridgeProvider extends Provider {

    IdentityBridgeSettings settings();
}
