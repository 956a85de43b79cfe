package io.identitybridge.config;

import org.keycloak.provider.ProviderFactory;

public interface IdentityBridgeProviderFactory extends ProviderFactory<IdentityBridgeProvider> {
}
