package io.identitybridge.seed.admin;

import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts {@link SeedAdminResource} at {@code /admin/realms/{realm}/identity-bridge}. */
public class SeedAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        ProviderFactoryDefaults<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "identity-bridge";
    private static final SeedAdminResourceProvider SINGLETON = new SeedAdminResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
