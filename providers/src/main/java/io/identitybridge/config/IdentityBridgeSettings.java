package io.identitybridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Server-wide settings of the bundle, read once at start from the {@code identity-bridge} SPI options ({@link Options}).
 * A wrong value stops the server with a message naming the option, never a silent default. The value of
 * {@code clients} is never echoed: it holds secrets.
 */
public record IdentityBridgeSettings(String realm, String clients, Path clientsFile, int secretMinLength,
                                     OnInvalid onInvalid, boolean prune, int resourceSweepSeconds,
                                     boolean registrationAllowsApiScopes, int registrationMaxTokenLifetime,
                                     int maxResourcesPerOwner, int maxResourcesPerGrantee, int maxClientsPerRegistrar,
                                     boolean registrationAllowsPrivateServerUris, int maxResourcesPerOwnerAndGrantee) {

    public enum OnInvalid { FAIL, SKIP }

    // Option names that callers outside config put in their messages; the options themselves are in Options.
    public static final String OPT_REALM = Options.REALM.name();
    public static final String OPT_CLIENTS = Options.CLIENTS.name();
    public static final String OPT_CLIENTS_FILE = Options.CLIENTS_FILE.name();
    public static final String OPT_REGISTRATION_ALLOW_API_SCOPES = Options.REGISTRATION_ALLOW_API_SCOPES.name();
    public static final String OPT_REGISTRATION_ALLOW_PRIVATE_SERVER_URIS = Options.REGISTRATION_ALLOW_PRIVATE_SERVER_URIS.name();
    public static final String OPT_MAX_RESOURCES_PER_OWNER = Options.MAX_RESOURCES_PER_OWNER.name();
    public static final String OPT_MAX_RESOURCES_PER_GRANTEE = Options.MAX_RESOURCES_PER_GRANTEE.name();
    public static final String OPT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE = Options.MAX_RESOURCES_PER_OWNER_AND_GRANTEE.name();
    public static final String OPT_MAX_CLIENTS_PER_REGISTRAR = Options.MAX_CLIENTS_PER_REGISTRAR.name();

    /**
     * Reads and checks the options. {@code lookup} returns null for an option that is not set; {@code env} reads the
     * process environment, to tell "not set" from "set, but Keycloak's ${...} expansion emptied it".
     */
    public static IdentityBridgeSettings parse(Function<String, String> lookup, Function<String, String> env) {
        OptionReader in = new OptionReader(lookup);
        String realm = realm(in);
        String clients = clients(in, env);
        Path clientsFile = clientsFile(in);
        if (clients != null && clientsFile != null) {
            in.problem(Options.CLIENTS, "and " + Options.CLIENTS_FILE.cli() + " are both set; give one of them");
        }
        int min = in.integer(Options.SECRET_MIN_LENGTH);
        OnInvalid onInvalid = OnInvalid.valueOf(in.choice(Options.ON_INVALID).toUpperCase(Locale.ROOT));
        boolean prune = in.bool(Options.PRUNE);
        int sweep = in.integer(Options.RESOURCE_SWEEP_INTERVAL);
        boolean apiScopes = in.bool(Options.REGISTRATION_ALLOW_API_SCOPES);
        int maxLifetime = in.integer(Options.REGISTRATION_MAX_TOKEN_LIFETIME);
        int maxResources = in.integer(Options.MAX_RESOURCES_PER_OWNER);
        boolean privateServerUris = in.bool(Options.REGISTRATION_ALLOW_PRIVATE_SERVER_URIS);
        int maxPerGrantee = in.integer(Options.MAX_RESOURCES_PER_GRANTEE);
        int maxPerOwnerAndGrantee = in.integer(Options.MAX_RESOURCES_PER_OWNER_AND_GRANTEE);
        int maxClients = in.integer(Options.MAX_CLIENTS_PER_REGISTRAR);
        in.check();
        return new IdentityBridgeSettings(realm, clients, clientsFile, min, onInvalid, prune, sweep, apiScopes, maxLifetime, maxResources,
                maxPerGrantee, maxClients, privateServerUris, maxPerOwnerAndGrantee);
    }

    /** For callers that only have options (no environment to cross-check). */
    public static IdentityBridgeSettings parse(Function<String, String> lookup) {
        return parse(lookup, name -> null);
    }

    private static String realm(OptionReader in) {
        String realm = in.text(Options.REALM);
        if (realm == null) {
            return (String) Options.REALM.defaultValue();
        } else if (realm.isBlank()) {
            in.problem(Options.REALM, "is empty; leave it unset for '" + Options.REALM.defaultValue() + "' or name a realm");
        } else if (!realm.equals(realm.strip())) {
            in.problem(Options.REALM, "has leading or trailing spaces: '" + realm + "'");
        }
        return realm;
    }

    /** Null when unset or empty; an empty value that the environment had set means Keycloak's ${...} expansion ate it. */
    private static String clients(OptionReader in, Function<String, String> env) {
        String clients = in.text(Options.CLIENTS);
        String envName = Options.CLIENTS.env();
        String rawEnv = env.apply(envName);
        if ((clients == null || clients.isBlank()) && rawEnv != null && !rawEnv.isBlank()) {
            in.problem(Options.CLIENTS, "is set in " + envName + " but reached Keycloak empty: Keycloak expands"
                    + " '${...}' in option values. Pass it raw with KCRAW_" + envName.substring(3)
                    + ", or put it in a file and use " + Options.CLIENTS_FILE.cli());
        } else if (clients != null && clients.isBlank()) {
            in.problem(Options.CLIENTS, "is empty; leave it unset, or give the Creatio \"Clients\" string");
        }
        return clients != null && clients.isBlank() ? null : clients;
    }

    private static Path clientsFile(OptionReader in) {
        String file = in.text(Options.CLIENTS_FILE);
        if (file == null) {
            return null;
        }
        Path path = Path.of(file.strip());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            in.problem(Options.CLIENTS_FILE, "'" + file + "' is not a readable file");
        }
        return path;
    }

    public boolean hasSeedInput() {
        return clients != null || clientsFile != null;
    }

    /** The CLI spelling of one of this SPI's options, so that messages point at what the operator typed. */
    public static String cliName(String option) {
        return "--spi-" + IdentityBridgeSpi.NAME + "--" + IdentityBridgeSpi.PROVIDER_ID + "--" + option;
    }

    /** Every option by its name; the clients value only as "set" or "unset" (it carries secrets). */
    @Override
    public String toString() {
        Map<Option, Object> v = new HashMap<>();
        v.put(Options.REALM, realm);
        v.put(Options.CLIENTS, clients);
        v.put(Options.CLIENTS_FILE, clientsFile);
        v.put(Options.SECRET_MIN_LENGTH, secretMinLength);
        v.put(Options.ON_INVALID, onInvalid);
        v.put(Options.PRUNE, prune);
        v.put(Options.RESOURCE_SWEEP_INTERVAL, resourceSweepSeconds);
        v.put(Options.REGISTRATION_ALLOW_API_SCOPES, registrationAllowsApiScopes);
        v.put(Options.REGISTRATION_MAX_TOKEN_LIFETIME, registrationMaxTokenLifetime);
        v.put(Options.MAX_RESOURCES_PER_OWNER, maxResourcesPerOwner);
        v.put(Options.MAX_RESOURCES_PER_GRANTEE, maxResourcesPerGrantee);
        v.put(Options.MAX_CLIENTS_PER_REGISTRAR, maxClientsPerRegistrar);
        v.put(Options.REGISTRATION_ALLOW_PRIVATE_SERVER_URIS, registrationAllowsPrivateServerUris);
        v.put(Options.MAX_RESOURCES_PER_OWNER_AND_GRANTEE, maxResourcesPerOwnerAndGrantee);
        return OptionReader.describe("IdentityBridgeSettings", v);
    }
}
