package io.identitybridge.config;

record DefaultIdentityBridgeProvider(IdentityBridgeSettings settings) implements IdentityBridgeProvider {

    @Override
    public void close() {
    }
}
