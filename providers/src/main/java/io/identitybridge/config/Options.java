package io.identitybridge.config;

import io.identitybridge.config.Option.Type;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/**
 * Every server option of the bundle, alphabetical within its provider. This list is what parsing reads, what the
 * server-info page lists, what {@code toString} hides, and what {@code OptionsReadmeTest} holds the README's table to.
 */
public final class Options {

    /** The executor of Keycloak's SPI client-policy-executor whose server options these are (its provider id). */
    public static final String QUERY_PARAMETERS_SPI = "client-policy-executor";
    public static final String QUERY_PARAMETERS_PROVIDER = "ib-query-parameters";

    public static final Option CLIENTS = bridge("clients", Type.TEXT, null,
            "Clients to seed at boot: Creatio's appsettings \"Clients\" string as is, or a JSON array.").hidden();
    public static final Option CLIENTS_FILE = bridge("clients-file", Type.TEXT, null,
            "A JSON array file, or a whole appsettings.json whose Clients key is read.");
    public static final Option MAX_CLIENTS_PER_REGISTRAR = bridge("max-clients-per-registrar", Type.INTEGER, 1000,
            "Most clients one registrar may have registered; Clients/register (Creatio's AddClient) of one more answers 409.")
            .bounds(1, 1_000_000);
    /** Each live resource granted is one more scope in every token of the grantee, whoever owns it. */
    public static final Option MAX_RESOURCES_PER_GRANTEE = bridge("max-resources-per-grantee", Type.INTEGER, 200,
            "Most live OwnedResources granted to one client, whoever owns them; a register, grant or revival beyond it answers 409.")
            .bounds(1, 100_000);
    public static final Option MAX_RESOURCES_PER_OWNER = bridge("max-resources-per-owner", Type.INTEGER, 1000,
            "Most live OwnedResources one client may own; OwnedResources/register, or an update reviving an expired one, beyond it answers 409.")
            .bounds(1, 1_000_000);
    /** One owner's share of a grantee's cap, so that no single owner can use up another client's grants. */
    public static final Option MAX_RESOURCES_PER_OWNER_AND_GRANTEE = bridge("max-resources-per-owner-and-grantee", Type.INTEGER, 50,
            "Most live OwnedResources one owner may grant to one client, so that no single owner can use up another client's max-resources-per-grantee; beyond it, 409.")
            .bounds(1, 100_000);
    public static final Option ON_INVALID = bridge("on-invalid", Type.CHOICE, "fail",
            "fail: an invalid seed input stops the start; skip: log it and change nothing.").choices("fail", "skip");
    public static final Option PRUNE = bridge("prune", Type.BOOLEAN, false,
            "Delete clients this seeder created earlier that are gone from the input.");
    public static final Option REALM = bridge("realm", Type.TEXT, "creatio",
            "The realm that serves Creatio (the Identity Service URL is its base URL).");
    public static final Option REGISTRATION_ALLOW_API_SCOPES = bridge("registration-allow-api-scopes", Type.BOOLEAN, false,
            "Let Clients/register grant IdentityServerApi and the API operation scopes (still only those the registrar holds).");
    /** Lets registered clients name internal hosts in URIs the server calls (development only). */
    public static final Option REGISTRATION_ALLOW_PRIVATE_SERVER_URIS = bridge("registration-allow-private-server-uris", Type.BOOLEAN, false,
            "Let Clients/register and update name loopback, link-local or private hosts in URIs the server calls (BackChannelLogoutUri); for development only.");
    /** 0: the realm's access-token lifespan; at most a year, the longest lifetime a seeded client may have. */
    public static final Option REGISTRATION_MAX_TOKEN_LIFETIME = bridge("registration-max-token-lifetime", Type.INTEGER, 0,
            "Longest AccessTokenLifetime/IdentityTokenLifetime, in seconds, that Clients/register and update accept; 0: the realm's access-token lifespan.")
            .bounds(0, 365 * 24 * 3600);
    public static final Option RESOURCE_SWEEP_INTERVAL = bridge("resource-sweep-interval", Type.INTEGER, 60,
            "Seconds between runs of the task that removes expired OwnedResources (tokens refuse them at once anyway).")
            .bounds(1, 86400);
    public static final Option SECRET_MIN_LENGTH = bridge("secret-min-length", Type.INTEGER, 32,
            "Shortest plaintext client secret accepted.").bounds(1, 1024);
    /** What Keycloak's generated key providers make and Creatio's verifiers accept. */
    public static final Option SIGNING_ALGORITHM = bridge("signing-algorithm", Type.CHOICE, null,
            "Algorithm of generated signing keys; default the certificate's, else RS256.")
            .choices("RS256", "PS256", "ES256", "ES384", "ES512").unset("the certificate's, else `RS256`");
    public static final Option SIGNING_CERTIFICATE_FILE = bridge("signing-certificate-file", Type.TEXT, null,
            "The IdentityServer4 signing certificate (PFX/PKCS#12 or PEM with a PKCS#8 key): made the realm's active signing key at boot.");
    public static final Option SIGNING_CERTIFICATE_PASSWORD = bridge("signing-certificate-password", Type.PASSWORD, null,
            "Password of the PFX; may be empty.").hidden().unset("empty");
    public static final Option SIGNING_KEY_ID = bridge("signing-key-id", Type.TEXT, null,
            "The kid to publish; default IdentityServer4 4.x's <SHA-1 THUMBPRINT><alg>.")
            .bounds(1, 255).unset("`<SHA-1 THUMBPRINT><alg>`");
    public static final Option SIGNING_KEY_PROPAGATION = bridge("signing-key-propagation", Type.DURATION, "14d",
            "How long a new signing key is published before it signs.");
    public static final Option SIGNING_KEY_RETENTION = bridge("signing-key-retention", Type.DURATION, "14d",
            "How long a retired signing key stays published; never less than the longest token lifetime.");
    public static final Option SIGNING_KEY_ROTATION = bridge("signing-key-rotation", Type.DURATION, null,
            "Signing-key rotation interval (s, m, h or d, e.g. 90d); off by default.").unset("off");

    public static final Option MAX_PARAMETERS = queryParameters("max-parameters", Type.INTEGER, 20,
            "Most allowed extra parameters in one request; more is invalid_request.").bounds(1, 1000);
    public static final Option MAX_VALUE_LENGTH = queryParameters("max-value-length", Type.INTEGER, 4000,
            "Longest value of an allowed parameter; longer is invalid_request.").bounds(1, 1_000_000);
    public static final Option UNKNOWN_PARAMETERS = queryParameters("unknown-parameters", Type.CHOICE, "reject",
            "Default for parameters that are not allowed, where the realm's executor leaves it empty.").choices("reject", "drop");

    public static final List<Option> ALL = List.of(CLIENTS, CLIENTS_FILE, MAX_CLIENTS_PER_REGISTRAR, MAX_RESOURCES_PER_GRANTEE,
            MAX_RESOURCES_PER_OWNER, MAX_RESOURCES_PER_OWNER_AND_GRANTEE, ON_INVALID, PRUNE, REALM, REGISTRATION_ALLOW_API_SCOPES,
            REGISTRATION_ALLOW_PRIVATE_SERVER_URIS, REGISTRATION_MAX_TOKEN_LIFETIME, RESOURCE_SWEEP_INTERVAL, SECRET_MIN_LENGTH,
            SIGNING_ALGORITHM, SIGNING_CERTIFICATE_FILE, SIGNING_CERTIFICATE_PASSWORD, SIGNING_KEY_ID, SIGNING_KEY_PROPAGATION,
            SIGNING_KEY_RETENTION, SIGNING_KEY_ROTATION,
            MAX_PARAMETERS, MAX_VALUE_LENGTH, UNKNOWN_PARAMETERS);

    private Options() {
    }

    /** The server-info page's list of one provider's options, in the order of {@link #ALL}. */
    public static List<ProviderConfigProperty> metadata(String spi, String provider) {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        ALL.stream().filter(o -> o.spi().equals(spi) && o.provider().equals(provider)).forEach(o -> o.describe(builder));
        return builder.build();
    }

    private static Option bridge(String name, Type type, Object defaultValue, String help) {
        return Option.of(IdentityBridgeSpi.NAME, IdentityBridgeSpi.PROVIDER_ID, name, type, defaultValue, help);
    }

    private static Option queryParameters(String name, Type type, Object defaultValue, String help) {
        return Option.of(QUERY_PARAMETERS_SPI, QUERY_PARAMETERS_PROVIDER, name, type, defaultValue, help);
    }
}
