package io.identitybridge.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Keycloak-side fields the seeder owns, each with the IdentityServer4 property it comes from. Desired and actual
 * client state are both flat maps over these keys, so that planning is a plain comparison.
 */
public final class ClientFields {

    public static final String ATTR = "attributes.";
    public static final String AUTHENTICATOR_ID = "ib-client-secrets";
    public static final String ATTR_SECRETS = "ib.secrets";
    public static final String ATTR_ID_TOKEN_LIFESPAN = "ib.id.token.lifespan";
    public static final String ATTR_ALLOWED_QUERY_PARAMETERS = "ib.allowed.query.parameters";
    public static final String ATTR_PROPERTIES = "ib.properties";
    public static final String ATTR_CUSTOMER_ID = "ib.customer.id";
    /** IdentityServer4's AllowAccessTokensViaBrowser; anything but "true" means false, as IS4's default. */
    public static final String ATTR_ACCESS_TOKENS_VIA_BROWSER = "ib.allow.access.tokens.via.browser";
    /** Marks clients this seeder created, so that opt-in pruning never touches anything else. */
    public static final String ATTR_SEEDED = "ib.seeded";
    public static final String MAPPER_ID_TOKEN_LIFETIME = "mapper.id-token-lifetime";
    public static final String MAPPER_CLIENT_ID = "mapper.client-id";
    public static final String MAPPER_CLIENT_CLAIMS = "mapper.client-claims";
    public static final String ATTR_CLIENT_CLAIMS = "ib.client.claims";
    public static final String ATTR_CLIENT_CLAIMS_PREFIX = "ib.client.claims.prefix";
    public static final String ATTR_CLIENT_CLAIMS_ALWAYS = "ib.client.claims.always";
    /**
     * The registrar's ClientId, for people to read. With {@link #ATTR_REGISTERED_BY_ID} these are the registration
     * marks: a seed input always wants them empty, so seeding a registered client takes it over from its registrar.
     */
    public static final String ATTR_REGISTERED_BY = "ib.registered.by";
    /** The registrar's internal id: ownership, which a ClientId reused after a removal can never inherit. */
    public static final String ATTR_REGISTERED_BY_ID = "ib.registered.by.id";

    /** Keycloak field → the IS4 property an administrator would recognise. Insertion order is report order. */
    public static final Map<String, String> SOURCE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "ClientName");
        m.put("description", "Description");
        m.put("enabled", "Enabled");
        m.put("baseUrl", "ClientUri");
        m.put(ATTR + "logoUri", "LogoUri");
        m.put("publicClient", "Secrets");
        m.put("clientAuthenticatorType", "Secrets");
        m.put(ATTR + ATTR_SECRETS, "Secrets");
        m.put("standardFlowEnabled", "AllowedGrantTypes");
        m.put("implicitFlowEnabled", "AllowedGrantTypes");
        m.put("directAccessGrantsEnabled", "AllowedGrantTypes");
        m.put("serviceAccountsEnabled", "AllowedGrantTypes");
        m.put(ATTR + "oauth2.device.authorization.grant.enabled", "AllowedGrantTypes");
        m.put(ATTR + "use.refresh.tokens", "AllowOfflineAccess");
        m.put(ATTR + ATTR_ACCESS_TOKENS_VIA_BROWSER, "AllowAccessTokensViaBrowser");
        m.put("redirectUris", "RedirectUris");
        m.put(ATTR + "post.logout.redirect.uris", "PostLogoutRedirectUris");
        m.put("webOrigins", "AllowedCorsOrigins");
        m.put("consentRequired", "RequireConsent");
        m.put(ATTR + "access.token.lifespan", "AccessTokenLifetime");
        m.put(ATTR + ATTR_ID_TOKEN_LIFESPAN, "IdentityTokenLifetime");
        m.put(MAPPER_ID_TOKEN_LIFETIME, "IdentityTokenLifetime");
        m.put(MAPPER_CLIENT_ID, "(client_id claim)");
        m.put(MAPPER_CLIENT_CLAIMS, "Claims");
        m.put(ATTR + ATTR_CLIENT_CLAIMS, "Claims");
        m.put(ATTR + ATTR_CLIENT_CLAIMS_PREFIX, "PrefixClientClaims");
        m.put(ATTR + ATTR_CLIENT_CLAIMS_ALWAYS, "AlwaysSendClientClaims");
        m.put(ATTR + "client.session.idle.timeout", "SlidingRefreshTokenLifetime");
        m.put(ATTR + "client.session.max.lifespan", "AbsoluteRefreshTokenLifetime");
        m.put(ATTR + "pkce.code.challenge.method", "RequirePkce");
        m.put("frontchannelLogout", "LogoutUri");
        m.put(ATTR + "frontchannel.logout.url", "LogoutUri");
        m.put(ATTR + "frontchannel.logout.session.required", "LogoutSessionRequired");
        m.put(ATTR + "backchannel.logout.url", "BackChannelLogoutUri");
        m.put(ATTR + "backchannel.logout.session.required", "BackChannelLogoutSessionRequired");
        m.put("defaultClientScopes", "AllowedScopes");
        m.put("optionalClientScopes", "AllowedScopes");
        m.put(ATTR + ATTR_ALLOWED_QUERY_PARAMETERS, "Properties.AllowedQueryParameters");
        m.put(ATTR + ATTR_PROPERTIES, "Properties");
        m.put(ATTR + ATTR_CUSTOMER_ID, "CustomerId");
        m.put(ATTR + ATTR_SEEDED, "(seeded marker)");
        m.put(ATTR + ATTR_REGISTERED_BY, "(registrar)");
        m.put(ATTR + ATTR_REGISTERED_BY_ID, "(registrar)");
        SOURCE = Collections.unmodifiableMap(m);
    }

    private ClientFields() {
    }
}
