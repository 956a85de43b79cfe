package io.identitybridge.config;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Our own SPI, so that server-wide settings are ordinary Keycloak options:
 * {@code --spi-identity-bridge--default--<option>} or {@code KC_SPI_IDENTITY_BRIDGE__DEFAULT__<OPTION>}.
 */
public class IdentityBridgeSpi implements Spi {

    public static final String NAME = "identity-bridge";
    /** The one provider of this SPI: the middle part of every option name. */
    public static final String PROVIDER_ID = "default";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return IdentityBridgeProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return IdentityBridgeProviderFactory.class;
    }
}
