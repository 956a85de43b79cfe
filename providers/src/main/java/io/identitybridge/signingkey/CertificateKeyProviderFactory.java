package io.identitybridge.signingkey;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.keys.KeyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/**
 * A realm key provider holding the migrated IdentityServer4 certificate under a chosen {@code kid}, which none of
 * Keycloak's own providers can carry for an imported RSA and EC key alike. Components of this type are written at
 * boot by {@link SigningKeyOnBoot} from the signing options; an administrator does not create them by hand.
 */
public class CertificateKeyProviderFactory implements KeyProviderFactory<CertificateKeyProvider> {

    public static final String PROVIDER_ID = "identity-bridge-certificate";
    static final String KID = "kid";
    static final String ALGORITHM = "algorithm";
    static final String PRIVATE_KEY = "privateKey";
    static final String CERTIFICATES = "certificateChain";
    static final String RETIRE_AFTER = "retireAfter";

    @Override
    public CertificateKeyProvider create(KeycloakSession session, ComponentModel model) {
        return new CertificateKeyProvider(model);
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) throws ComponentValidationException {
        try {
            CertificateKeyProvider.decode(model);
        } catch (RuntimeException e) {
            throw new ComponentValidationException("the identity-bridge-certificate key cannot be decoded", e);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "The migrated IdentityServer4 signing certificate, with its kid. Managed by the signing-certificate-file option.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name("priority").type(ProviderConfigProperty.STRING_TYPE).label("Priority").add()
                .property().name("enabled").type(ProviderConfigProperty.BOOLEAN_TYPE).label("Enabled").add()
                .property().name("active").type(ProviderConfigProperty.BOOLEAN_TYPE).label("Active").add()
                .property().name(KID).type(ProviderConfigProperty.STRING_TYPE).label("Key ID").add()
                .property().name(ALGORITHM).type(ProviderConfigProperty.STRING_TYPE).label("Algorithm").add()
                .property().name(PRIVATE_KEY).type(ProviderConfigProperty.PASSWORD).label("Private key").secret(true).add()
                .property().name(CERTIFICATES).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).label("Certificate chain").add()
                .property().name(RETIRE_AFTER).type(ProviderConfigProperty.STRING_TYPE).label("Removed after (epoch seconds)").add()
                .build();
    }
}
