package io.identitybridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Server-wide settings of the bundle, read once at start from the {@code identity-bridge} SPI options.
 * A wrong value stops the server with a message naming the option, never a silent default. The value of
 * {@code clients} is never echoed: it holds secrets.
 */
public record IdentityBridgeSettings(String realm, String clients, Path clientsFile, int secretMinLength,
                                     OnInvalid onInvalid, boolean prune, int resourceSweepSeconds,
                                     boolean registrationAllowsApiScopes, int registrationMaxTokenLifetime,
                                     int maxResourcesPerOwner, int maxResourcesPerGrantee, int maxClientsPerRegistrar,
                                     boolean registrationAllowsPrivateServerUris, int maxResourcesPerOwnerAndGrantee) {

    public enum OnInvalid { FAIL, SKIP }

    public static final String OPT_REALM = "realm";
    public static final String OPT_CLIENTS = "clients";
    public static final String OPT_CLIENTS_FILE = "clients-file";
    public static final String OPT_SECRET_MIN_LENGTH = "secret-min-length";
    public static final String OPT_ON_INVALID = "on-invalid";
    public static final String OPT_PRUNE = "prune";
    public static final String OPT_RESOURCE_SWEEP_INTERVAL = "resource-sweep-interval";
    public static final int DEFAULT_RESOURCE_SWEEP_SECONDS = 60;
    public static final String OPT_REGISTRATION_ALLOW_API_SCOPES = "registration-allow-api-scopes";
    /** Lets registered clients name internal hosts in URIs the server calls (development only). */
    public static final String OPT_REGISTRATION_ALLOW_PRIVATE_SERVER_URIS = "registration-allow-private-server-uris";
    public static final String OPT_REGISTRATION_MAX_TOKEN_LIFETIME = "registration-max-token-lifetime";
    /** 0: the realm's access-token lifespan. */
    public static final int DEFAULT_REGISTRATION_MAX_TOKEN_LIFETIME = 0;
    public static final String OPT_MAX_RESOURCES_PER_OWNER = "max-resources-per-owner";
    public static final int DEFAULT_MAX_RESOURCES_PER_OWNER = 1000;
    /** Each live resource granted is one more scope in every token of the grantee, whoever owns it. */
    public static final String OPT_MAX_RESOURCES_PER_GRANTEE = "max-resources-per-grantee";
    public static final int DEFAULT_MAX_RESOURCES_PER_GRANTEE = 200;
    /** One owner's share of a grantee's cap, so that no single owner can use up another client's grants. */
    public static final String OPT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE = "max-resources-per-owner-and-grantee";
    public static final int DEFAULT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE = 50;
    public static final String OPT_MAX_CLIENTS_PER_REGISTRAR = "max-clients-per-registrar";
    public static final int DEFAULT_MAX_CLIENTS_PER_REGISTRAR = 1000;
    public static final String DEFAULT_REALM = "creatio";
    public static final int DEFAULT_SECRET_MIN_LENGTH = 32;

    /** The environment spelling of an option, e.g. KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS. */
    public static String envName(String option) {
        return "KC_SPI_IDENTITY_BRIDGE__DEFAULT__" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Reads and checks the options. {@code lookup} returns null for an option that is not set; {@code env} reads the
     * process environment, to tell "not set" from "set, but Keycloak's ${...} expansion emptied it".
     */
    public static IdentityBridgeSettings parse(Function<String, String> lookup, Function<String, String> env) {
        List<String> problems = new ArrayList<>();
        String realm = lookup.apply(OPT_REALM);
        if (realm == null) {
            realm = DEFAULT_REALM;
        } else if (realm.isBlank()) {
            problems.add(problem(OPT_REALM, "is empty; leave it unset for '" + DEFAULT_REALM + "' or name a realm"));
        } else if (!realm.equals(realm.strip())) {
            problems.add(problem(OPT_REALM, "has leading or trailing spaces: '" + realm + "'"));
        }

        String clients = lookup.apply(OPT_CLIENTS);
        String rawEnv = env.apply(envName(OPT_CLIENTS));
        if ((clients == null || clients.isBlank()) && rawEnv != null && !rawEnv.isBlank()) {
            problems.add(problem(OPT_CLIENTS, "is set in " + envName(OPT_CLIENTS) + " but reached Keycloak empty: Keycloak expands"
                    + " '${...}' in option values. Pass it raw with KCRAW_" + envName(OPT_CLIENTS).substring(3)
                    + ", or put it in a file and use " + cliName(OPT_CLIENTS_FILE)));
        } else if (clients != null && clients.isBlank()) {
            problems.add(problem(OPT_CLIENTS, "is empty; leave it unset, or give the Creatio \"Clients\" string"));
        }
        if (clients != null && clients.isBlank()) {
            clients = null;
        }

        Path clientsFile = null;
        String file = lookup.apply(OPT_CLIENTS_FILE);
        if (file != null) {
            clientsFile = Path.of(file.strip());
            if (!Files.isRegularFile(clientsFile) || !Files.isReadable(clientsFile)) {
                problems.add(problem(OPT_CLIENTS_FILE, "'" + file + "' is not a readable file"));
            }
        }
        if (clients != null && clientsFile != null) {
            problems.add(problem(OPT_CLIENTS, "and " + cliName(OPT_CLIENTS_FILE) + " are both set; give one of them"));
        }

        int min = DEFAULT_SECRET_MIN_LENGTH;
        String minText = lookup.apply(OPT_SECRET_MIN_LENGTH);
        if (minText != null) {
            try {
                min = Integer.parseInt(minText.strip());
                if (min < 1 || min > 1024) {
                    problems.add(problem(OPT_SECRET_MIN_LENGTH, "is " + min + "; it must be between 1 and 1024"));
                }
            } catch (NumberFormatException e) {
                problems.add(problem(OPT_SECRET_MIN_LENGTH, "'" + minText + "' is not a whole number"));
            }
        }

        OnInvalid onInvalid = OnInvalid.FAIL;
        String onInvalidText = lookup.apply(OPT_ON_INVALID);
        if (onInvalidText != null) {
            switch (onInvalidText.strip().toLowerCase(Locale.ROOT)) {
                case "fail" -> onInvalid = OnInvalid.FAIL;
                case "skip" -> onInvalid = OnInvalid.SKIP;
                default -> problems.add(problem(OPT_ON_INVALID, "'" + onInvalidText + "' must be 'fail' or 'skip'"));
            }
        }

        boolean prune = bool(lookup, OPT_PRUNE, problems);
        int sweep = number(lookup, OPT_RESOURCE_SWEEP_INTERVAL, DEFAULT_RESOURCE_SWEEP_SECONDS, 1, 86400, problems);
        boolean apiScopes = bool(lookup, OPT_REGISTRATION_ALLOW_API_SCOPES, problems);
        int maxLifetime = number(lookup, OPT_REGISTRATION_MAX_TOKEN_LIFETIME, DEFAULT_REGISTRATION_MAX_TOKEN_LIFETIME, 0,
                365 * 24 * 3600, problems);
        int maxResources = number(lookup, OPT_MAX_RESOURCES_PER_OWNER, DEFAULT_MAX_RESOURCES_PER_OWNER, 1, 1_000_000, problems);
        boolean privateServerUris = bool(lookup, OPT_REGISTRATION_ALLOW_PRIVATE_SERVER_URIS, problems);
        int maxPerGrantee = number(lookup, OPT_MAX_RESOURCES_PER_GRANTEE, DEFAULT_MAX_RESOURCES_PER_GRANTEE, 1, 100_000, problems);
        int maxPerOwnerAndGrantee = number(lookup, OPT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE, DEFAULT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE,
                1, 100_000, problems);
        int maxClients = number(lookup, OPT_MAX_CLIENTS_PER_REGISTRAR, DEFAULT_MAX_CLIENTS_PER_REGISTRAR, 1, 1_000_000, problems);

        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + String.join("; ", problems));
        }
        return new IdentityBridgeSettings(realm, clients, clientsFile, min, onInvalid, prune, sweep, apiScopes, maxLifetime, maxResources,
                maxPerGrantee, maxClients, privateServerUris, maxPerOwnerAndGrantee);
    }

    private static boolean bool(Function<String, String> lookup, String option, List<String> problems) {
        String text = lookup.apply(option);
        if (text == null) {
            return false;
        }
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(problem(option, "'" + text + "' must be 'true' or 'false'"));
        }
        return v.equals("true");
    }

    private static int number(Function<String, String> lookup, String option, int dflt, int min, int max, List<String> problems) {
        String text = lookup.apply(option);
        if (text == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                problems.add(problem(option, "is " + v + "; it must be between " + min + " and " + max));
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(problem(option, "'" + text + "' is not a whole number"));
            return dflt;
        }
    }

    /** For callers that only have options (no environment to cross-check). */
    public static IdentityBridgeSettings parse(Function<String, String> lookup) {
        return parse(lookup, name -> null);
    }

    public boolean hasSeedInput() {
        return clients != null || clientsFile != null;
    }

    /** The CLI spelling of an option, so that messages point at what the operator typed. */
    public static String cliName(String option) {
        return "--spi-" + IdentityBridgeSpi.NAME + "--" + IdentityBridgeSpi.PROVIDER_ID + "--" + option;
    }

    /** Never print the clients value: it carries secrets. */
    @Override
    public String toString() {
        return "IdentityBridgeSettings[realm=" + realm + ", clients=" + (clients == null ? "unset" : "set") + ", clientsFile="
                + clientsFile + ", secretMinLength=" + secretMinLength + ", onInvalid=" + onInvalid + ", prune=" + prune + ", resourceSweepSeconds=" + resourceSweepSeconds
                + ", registrationAllowsApiScopes=" + registrationAllowsApiScopes + ", registrationMaxTokenLifetime="
                + registrationMaxTokenLifetime + ", maxResourcesPerOwner=" + maxResourcesPerOwner + ", maxResourcesPerGrantee="
                + maxResourcesPerGrantee + ", maxClientsPerRegistrar=" + maxClientsPerRegistrar
                + ", registrationAllowsPrivateServerUris=" + registrationAllowsPrivateServerUris
                + ", maxResourcesPerOwnerAndGrantee=" + maxResourcesPerOwnerAndGrantee + "]";
    }

    private static String problem(String option, String what) {
        return cliName(option) + " " + what;
    }
}
