package io.identitybridge.boot;

import io.identitybridge.BuildInfo;
import io.identitybridge.config.DefaultIdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeProviderFactory;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.config.IdentityBridgeSpi;
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
import org.keycloak.provider.ProviderConfigurationBuilder;
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

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(IdentityBridgeSettings.OPT_REALM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The realm that serves Creatio (the Identity Service URL is its base URL).")
                .defaultValue(IdentityBridgeSettings.DEFAULT_REALM).add()
                .property().name(IdentityBridgeSettings.OPT_CLIENTS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Clients to seed at boot: Creatio's appsettings \"Clients\" string as is, or a JSON array.").secret(true).add()
                .property().name(IdentityBridgeSettings.OPT_CLIENTS_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("A JSON array file, or a whole appsettings.json whose Clients key is read.").add()
                .property().name(IdentityBridgeSettings.OPT_SECRET_MIN_LENGTH).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Shortest plaintext client secret accepted.").defaultValue(IdentityBridgeSettings.DEFAULT_SECRET_MIN_LENGTH).add()
                .property().name(IdentityBridgeSettings.OPT_ON_INVALID).type(ProviderConfigProperty.LIST_TYPE)
                .helpText("fail: an invalid seed input stops the start; skip: log it and change nothing.")
                .options("fail", "skip").defaultValue("fail").add()
                .property().name(IdentityBridgeSettings.OPT_PRUNE).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Delete clients this seeder created earlier that are gone from the input.").defaultValue(false).add()
                .property().name(IdentityBridgeSettings.OPT_RESOURCE_SWEEP_INTERVAL).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds between runs of the task that removes expired OwnedResources (tokens refuse them at once anyway).")
                .defaultValue(IdentityBridgeSettings.DEFAULT_RESOURCE_SWEEP_SECONDS).add()
                .property().name(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_API_SCOPES).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Let Clients/register grant IdentityServerApi and the API operation scopes (still only those the registrar holds).")
                .defaultValue(false).add()
                .property().name(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_PRIVATE_SERVER_URIS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Let Clients/register and update name loopback, link-local or private hosts in URIs the server calls (BackChannelLogoutUri); for development only.")
                .defaultValue(false).add()
                .property().name(IdentityBridgeSettings.OPT_REGISTRATION_MAX_TOKEN_LIFETIME).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Longest AccessTokenLifetime/IdentityTokenLifetime, in seconds, that Clients/register and update accept; 0: the realm's access-token lifespan.")
                .defaultValue(IdentityBridgeSettings.DEFAULT_REGISTRATION_MAX_TOKEN_LIFETIME).add()
                .property().name(IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_OWNER).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most live OwnedResources one client may own; OwnedResources/register, or an update reviving an expired one, beyond it answers 409.")
                .defaultValue(IdentityBridgeSettings.DEFAULT_MAX_RESOURCES_PER_OWNER).add()
                .property().name(IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_GRANTEE).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most live OwnedResources granted to one client, whoever owns them; a register, grant or revival beyond it answers 409.")
                .defaultValue(IdentityBridgeSettings.DEFAULT_MAX_RESOURCES_PER_GRANTEE).add()
                .property().name(IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most live OwnedResources one owner may grant to one client, so that no single owner can use up another client's max-resources-per-grantee; beyond it, 409.")
                .defaultValue(IdentityBridgeSettings.DEFAULT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE).add()
                .property().name(IdentityBridgeSettings.OPT_MAX_CLIENTS_PER_REGISTRAR).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most clients one registrar may have registered; Clients/register (Creatio's AddClient) of one more answers 409.")
                .defaultValue(IdentityBridgeSettings.DEFAULT_MAX_CLIENTS_PER_REGISTRAR).add()
                .property().name(SigningKeySettings.OPT_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The IdentityServer4 signing certificate (PFX/PKCS#12 or PEM with a PKCS#8 key): made the realm's active signing key at boot.").add()
                .property().name(SigningKeySettings.OPT_PASSWORD).type(ProviderConfigProperty.PASSWORD)
                .helpText("Password of the PFX; may be empty.").secret(true).add()
                .property().name(SigningKeySettings.OPT_KEY_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The kid to publish; default IdentityServer4 4.x's <SHA-1 THUMBPRINT><alg>.").add()
                .property().name(RotationSettings.OPT_ROTATION).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Signing-key rotation interval (s, m, h or d, e.g. 90d); off by default.").add()
                .property().name(RotationSettings.OPT_PROPAGATION).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How long a new signing key is published before it signs.").defaultValue(RotationSettings.DEFAULT_PROPAGATION).add()
                .property().name(RotationSettings.OPT_RETENTION).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How long a retired signing key stays published; never less than the longest token lifetime.")
                .defaultValue(RotationSettings.DEFAULT_RETENTION).add()
                .property().name(RotationSettings.OPT_ALGORITHM).type(ProviderConfigProperty.LIST_TYPE)
                .options("RS256", "PS256", "ES256", "ES384", "ES512")
                .helpText("Algorithm of generated signing keys; default the certificate's, else RS256.").add()
                .build();
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
