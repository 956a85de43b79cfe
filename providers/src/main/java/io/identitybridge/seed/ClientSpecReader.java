package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.GrantTypes;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.identitybridge.vocabulary.ClientFields.ATTR;

/**
 * Maps one client of either input form (Creatio's appsettings fields, or IdentityServer4's Client model, seed 004
 * §5.8) to Keycloak fields, as SPEC §6 lays out. A property either has an effect or is reported: unknown, or not
 * supported yet. Nothing in the input is dropped without a word.
 */
final class ClientSpecReader {

    static final int MAX_TOKEN_LIFETIME = 365 * 24 * 3600;
    static final int MAX_REFRESH_LIFETIME = 10 * 365 * 24 * 3600;
    static final Set<String> DEFAULT_SCOPES = Set.of("acr", "basic", "web-origins");

    private final int secretMinLength;

    ClientSpecReader(int secretMinLength) {
        this.secretMinLength = secretMinLength;
    }

    DesiredClient read(ObjectNode node, int index, List<Problem> problems) {
        JsonBody in = new JsonBody(node, Problems.collect("client", index, problems));
        String clientId = in.identifier("ClientId", Limits.CLIENT_ID);
        in.owner(clientId);
        if (clientId == null || clientId.isBlank()) {
            in.error("ClientId", "is missing");
        } else if (!clientId.equals(clientId.strip())) {
            in.error("ClientId", "has leading or trailing spaces");
        } else if (clientId.length() < 16) {
            in.warning("ClientId", "is shorter than the 16 characters Creatio's guide asks for");
        }
        SortedMap<String, String> s = new TreeMap<>();
        s.put("name", nz(in.text("ClientName", Limits.COLUMN)));
        s.put("description", nz(in.text("Description", Limits.COLUMN)));
        s.put("enabled", String.valueOf(in.bool("Enabled", true)));
        s.put("baseUrl", nz(absoluteOrEmpty(in, "ClientUri", Limits.COLUMN)));
        s.put(ATTR + "logoUri", nz(absoluteOrEmpty(in, "LogoUri", Limits.ATTRIBUTE_URI)));
        s.put(ATTR + ClientFields.ATTR_CUSTOMER_ID, nz(in.identifier("CustomerId", Limits.COLUMN)));
        s.put(ATTR + ClientFields.ATTR_SEEDED, "true");
        // A seeded client belongs to the operator: no registrar keeps it (Clients/register sets its own marks after).
        s.put(ATTR + ClientFields.ATTR_REGISTERED_BY, "");
        s.put(ATTR + ClientFields.ATTR_REGISTERED_BY_ID, "");
        String protocol = in.text("ProtocolType");
        if (protocol != null && !"oidc".equals(protocol)) {
            in.error("ProtocolType", "is not supported yet: only 'oidc' clients can be seeded");
        }

        AllowedGrantTypes grants = AllowedGrantTypes.read(in);
        GrantTypes.Switches switches = grants.switches();
        boolean offline = in.bool("AllowOfflineAccess", false) || grants.refreshToken();
        s.put("standardFlowEnabled", String.valueOf(switches.standardFlow()));
        s.put("implicitFlowEnabled", String.valueOf(switches.implicitFlow()));
        s.put("directAccessGrantsEnabled", String.valueOf(switches.directAccessGrants()));
        s.put("serviceAccountsEnabled", String.valueOf(switches.serviceAccounts()));
        s.put(ATTR + GrantTypes.DEVICE_ATTRIBUTE, String.valueOf(switches.device()));
        s.put(ATTR + "use.refresh.tokens", String.valueOf(offline));
        // Enforced at the authorize endpoint by the ib-access-tokens-via-browser executor.
        s.put(ATTR + ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER, String.valueOf(in.bool("AllowAccessTokensViaBrowser", false)));

        String secrets = ClientSecretsReader.read(in, secretMinLength);
        boolean confidential = !secrets.isEmpty();
        boolean requireSecret = in.bool("RequireClientSecret", true);
        boolean secretsGiven = nonEmpty(in.raw("Secrets")) || nonEmpty(in.raw("ClientSecrets"));
        if (!confidential && !secretsGiven) {
            if (switches.serviceAccounts()) {
                in.error("Secrets", "are missing; client_credentials always needs a secret");
            } else if (requireSecret && grants.needsTokenEndpoint()) {
                in.error("Secrets", "are missing; grant types " + grants.names() + " need a secret (or set RequireClientSecret to false)");
            }
        }
        s.put("publicClient", String.valueOf(!confidential));
        s.put("clientAuthenticatorType", confidential ? ClientFields.AUTHENTICATOR_ID : "client-secret");
        s.put(ATTR + ClientFields.ATTR_SECRETS, secrets);

        s.put("redirectUris", Json.sortedArray(Uris.read(in, "RedirectUris", grants.usesRedirects(), Limits.COLUMN)));
        s.put(ATTR + "post.logout.redirect.uris", postLogout(Uris.read(in, "PostLogoutRedirectUris", false, Limits.ATTRIBUTE_URI)));
        s.put("webOrigins", Json.sortedArray(Uris.origins(in, "AllowedCorsOrigins")));
        s.put("consentRequired", String.valueOf(in.bool("RequireConsent", false)));

        s.put(ATTR + "access.token.lifespan", String.valueOf(in.seconds("AccessTokenLifetime", 3600, MAX_TOKEN_LIFETIME)));
        s.put(ATTR + ClientFields.ATTR_ID_TOKEN_LIFESPAN, String.valueOf(in.seconds("IdentityTokenLifetime", 300, MAX_TOKEN_LIFETIME)));
        s.put(ClientFields.MAPPER_ID_TOKEN_LIFETIME, "present");
        s.put(ClientFields.MAPPER_CLIENT_ID, "present");
        s.put(ClientFields.MAPPER_CLIENT_CLAIMS, "present");
        ClientClaimsReader.read(in, s);
        refreshLifetimes(in, s);
        pkce(in, s);
        logout(in, s);
        Unsupported.check(in);

        List<String> scopes = in.strings("AllowedScopes", Limits.MAX_SCOPES, Limits.COLUMN);
        s.put("defaultClientScopes", Json.sortedArray(DEFAULT_SCOPES));
        Set<String> optional = new TreeSet<>();
        for (String scope : scopes) {
            if (!"openid".equals(scope)) {
                optional.add(scope);
            }
        }
        if (offline) {
            optional.add("offline_access");
        }
        s.put("optionalClientScopes", Json.sortedArray(optional));

        PropertiesReader.read(in, s);
        in.rejectUnread("client property (Creatio appsettings or IdentityServer4 Client model)");
        return new DesiredClient(index, clientId, s, scopes);
    }

    private static void refreshLifetimes(JsonBody in, SortedMap<String, String> s) {
        int absolute = in.seconds("AbsoluteRefreshTokenLifetime", 2592000, MAX_REFRESH_LIFETIME);
        int sliding = in.seconds("SlidingRefreshTokenLifetime", 1296000, MAX_REFRESH_LIFETIME);
        String expiration = in.text("RefreshTokenExpiration");
        boolean slidingMode = expiration != null && expiration.equalsIgnoreCase("Sliding");
        if (expiration != null && !slidingMode && !expiration.equalsIgnoreCase("Absolute")) {
            in.error("RefreshTokenExpiration", "must be 'Absolute' or 'Sliding'");
        }
        // Keycloak: idle timeout slides on every refresh, max lifespan never moves. Absolute = no sliding at all.
        s.put(ATTR + "client.session.idle.timeout", String.valueOf(slidingMode ? Math.min(sliding, absolute) : absolute));
        s.put(ATTR + "client.session.max.lifespan", String.valueOf(absolute));
    }

    /**
     * Keycloak never lets a client session outlive the realm's SSO session, and its admin console refuses to save a
     * client whose values exceed the realm's; so the stored values are the effective ones. Only a value about to be
     * written is capped ({@code actual}: the client as stored, or null): a change of other fields leaves it as it is.
     */
    static void capSessions(SortedMap<String, String> s, RealmView realm, SortedMap<String, String> actual) {
        cap(s, ATTR + "client.session.idle.timeout", realm.ssoSessionIdle(), actual);
        cap(s, ATTR + "client.session.max.lifespan", realm.ssoSessionMax(), actual);
    }

    private static void cap(SortedMap<String, String> s, String key, int realmValue, SortedMap<String, String> actual) {
        String v = s.get(key);
        if (realmValue <= 0 || v == null || !v.matches("\\d{1,18}") || actual != null && v.equals(actual.get(key))) {
            return;
        }
        if (Long.parseLong(v) > realmValue) {
            s.put(key, String.valueOf(realmValue));
        }
    }

    private static void pkce(JsonBody in, SortedMap<String, String> s) {
        boolean require = in.bool("RequirePkce", false);
        boolean plain = in.bool("AllowPlainTextPkce", false);
        if (require && plain) {
            in.error("AllowPlainTextPkce", "is not supported yet: Keycloak pins one PKCE method per client, so plain and S256 cannot both be allowed");
        }
        s.put(ATTR + "pkce.code.challenge.method", require ? "S256" : "");
    }

    private static void logout(JsonBody in, SortedMap<String, String> s) {
        String uri = absoluteOrEmpty(in, "LogoutUri", Limits.ATTRIBUTE_URI);
        String frontChannel = absoluteOrEmpty(in, "FrontChannelLogoutUri", Limits.ATTRIBUTE_URI);
        if (uri != null && frontChannel != null && !uri.equals(frontChannel)) {
            in.error("FrontChannelLogoutUri", "differs from LogoutUri; give one of them");
        }
        String url = frontChannel != null ? frontChannel : uri;
        boolean legacy = in.bool("LogoutSessionRequired", true);
        boolean sessionRequired = in.bool("FrontChannelLogoutSessionRequired", true) && legacy;
        s.put("frontchannelLogout", String.valueOf(url != null));
        s.put(ATTR + "frontchannel.logout.url", nz(url));
        s.put(ATTR + "frontchannel.logout.session.required", String.valueOf(sessionRequired));
        s.put(ATTR + "backchannel.logout.url", nz(absoluteOrEmpty(in, "BackChannelLogoutUri", Limits.ATTRIBUTE_URI)));
        s.put(ATTR + "backchannel.logout.session.required", String.valueOf(in.bool("BackChannelLogoutSessionRequired", true)));
    }

    private static String postLogout(List<String> uris) {
        // Keycloak reads an empty list as "all redirect URIs"; IS4 means "none", which Keycloak spells "-".
        return uris.isEmpty() ? "-" : String.join("##", uris);
    }

    private static String absoluteOrEmpty(JsonBody in, String name, int max) {
        String v = in.text(name, max);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!Uris.isAbsolute(v)) {
            in.error(name, "must be an absolute http(s) URI");
            return null;
        }
        return v;
    }

    private static boolean nonEmpty(com.fasterxml.jackson.databind.JsonNode v) {
        return v != null && !v.isNull() && !(v.isArray() && v.isEmpty());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
