package io.identitybridge.boot;

import io.identitybridge.BuildInfo;
import io.identitybridge.config.DefaultIdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeProviderFactory;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.config.IdentityBridgeSpi;
import io.identitybridge.config.Options;
import io.identitybridge.signingkey.CertificateFile;
import io.identitybridge.signingkey.SigningCertificate;
import io.identitybridge.signingkey.SigningKeySettings;
import io.identitybridge.signingkey.rotation.Durations;
import io.identitybridge.signingkey.rotation.RotationSettings;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot hub: reads the server-wide options once, starts everything that runs at start ({@link BootSequence}) and
 * reports the jar version on the server-info page.
 */
public class DefaultIdentityBridgeProviderFactory implements IdentityBridgeProviderFactory, ServerInfoAwareProviderFactory {

    private static final Logger LOG = Logger.getLogger(DefaultIdentityBridgeProviderFactory.class);

    private IdentityBridgeSettings settings;
    /** The migrated signing certificate, read (and checked) at init so that a bad file stops the start early. */
    private SigningCertificate signingCertificate;
    private RotationSettings rotation;

    @Override
    public void init(Config.Scope config) {
        checkKeycloak();
        settings = IdentityBridgeSettings.parse(config::get, System::getenv);
        SigningKeySettings signing = SigningKeySettings.parse(config::get);
        signingCertificate = signing == null ? null : CertificateFile.load(signing);
        rotation = RotationSettings.parse(config::get);
    }

    /** A Keycloak outside the supported line is a WARN; one without an SPI the bundle needs stops the start. */
    private static void checkKeycloak() {
        KeycloakLine.warning(BuildInfo.version(), BuildInfo.supportedLine(), BuildInfo.testedVersions(), Version.VERSION)
                .ifPresent(LOG::warn);
        RequiredKeycloakApi.check(DefaultIdentityBridgeProviderFactory.class.getClassLoader(), BuildInfo.version(),
                Version.VERSION, BuildInfo.supportedLine(), BuildInfo.testedVersions());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // PostMigrationEvent comes after migration and --import-realm, so the realm to seed exists by then.
        factory.register(new BootSequence(factory, settings, signingCertificate, rotation));
    }

    @Override
    public IdentityBridgeProvider create(KeycloakSession session) {
        return new DefaultIdentityBridgeProvider(settings);
    }

    @Override
    public String getId() {
        return IdentityBridgeSpi.PROVIDER_ID;
    }

    /** The options of {@link Options} that belong to this provider, with their help, defaults and choices. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return Options.metadata(IdentityBridgeSpi.NAME, IdentityBridgeSpi.PROVIDER_ID);
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", BuildInfo.version());
        info.put("built-for-keycloak", BuildInfo.keycloakVersion());
        info.put("tested-on-keycloak", BuildInfo.testedVersions());
        info.put("running-on-keycloak", Version.VERSION);
        if (settings != null) {
            info.put("realm", settings.realm());
            info.put("seed-source", settings.clients() != null ? "clients option" : settings.clientsFile() != null ? settings.clientsFile().toString() : "none");
            info.put("on-invalid", settings.onInvalid().name().toLowerCase());
            info.put("prune", String.valueOf(settings.prune()));
            if (signingCertificate != null) {
                info.put("signing-key", signingCertificate.algorithm() + " kid " + signingCertificate.kid());
            }
            if (rotation != null) {
                info.put("signing-key-rotation", rotation.enabled() ? Durations.text(rotation.rotation()) : "off");
            }
        }
        return info;
    }

    @Override
    public void close() {
    }
}
