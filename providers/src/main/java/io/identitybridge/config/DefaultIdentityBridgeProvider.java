package io.identitybridge.config;

public record DefaultIdentityBridgeProvider(IdentityBridgeSettings settings) implements IdentityBridgeProvider {

    @Override
    public void close() {
    }
}
