package io.identitybridge.seed;

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
    /** Marks clients this seeder created, so that opt-in pruning never touches anything else. */
    public static final String ATTR_SEEDED = "ib.seeded";
    public static final String MAPPER_ID_TOKEN_LIFETIME = "mapper.id-token-lifetime";

    /** Keycloak field → the IS4 property an administrator would recognise. Insertion order is report order. */
    public static final Map<String, String> SOURCE = new LinkedHashMap<>();

    static {
        SOURCE.put("name", "ClientName");
        SOURCE.put("description", "Description");
        SOURCE.put("enabled", "Enabled");
        SOURCE.put("baseUrl", "ClientUri");
        SOURCE.put(ATTR + "logoUri", "LogoUri");
        SOURCE.put("publicClient", "Secrets");
        SOURCE.put("clientAuthenticatorType", "Secrets");
        SOURCE.put(ATTR + ATTR_SECRETS, "Secrets");
        SOURCE.put("standardFlowEnabled", "AllowedGrantTypes");
        SOURCE.put("implicitFlowEnabled", "AllowedGrantTypes");
        SOURCE.put("directAccessGrantsEnabled", "AllowedGrantTypes");
        SOURCE.put("serviceAccountsEnabled", "AllowedGrantTypes");
        SOURCE.put(ATTR + "oauth2.device.authorization.grant.enabled", "AllowedGrantTypes");
        SOURCE.put(ATTR + "use.refresh.tokens", "AllowOfflineAccess");
        SOURCE.put("redirectUris", "RedirectUris");
        SOURCE.put(ATTR + "post.logout.redirect.uris", "PostLogoutRedirectUris");
        SOURCE.put("webOrigins", "AllowedCorsOrigins");
        SOURCE.put("consentRequired", "RequireConsent");
        SOURCE.put(ATTR + "access.token.lifespan", "AccessTokenLifetime");
        SOURCE.put(ATTR + ATTR_ID_TOKEN_LIFESPAN, "IdentityTokenLifetime");
        SOURCE.put(MAPPER_ID_TOKEN_LIFETIME, "IdentityTokenLifetime");
        SOURCE.put(ATTR + "client.session.idle.timeout", "SlidingRefreshTokenLifetime");
        SOURCE.put(ATTR + "client.session.max.lifespan", "AbsoluteRefreshTokenLifetime");
        SOURCE.put(ATTR + "pkce.code.challenge.method", "RequirePkce");
        SOURCE.put("frontchannelLogout", "LogoutUri");
        SOURCE.put(ATTR + "frontchannel.logout.url", "LogoutUri");
        SOURCE.put(ATTR + "frontchannel.logout.session.required", "LogoutSessionRequired");
        SOURCE.put(ATTR + "backchannel.logout.url", "BackChannelLogoutUri");
        SOURCE.put(ATTR + "backchannel.logout.session.required", "BackChannelLogoutSessionRequired");
        SOURCE.put("defaultClientScopes", "AllowedScopes");
        SOURCE.put("optionalClientScopes", "AllowedScopes");
        SOURCE.put(ATTR + ATTR_ALLOWED_QUERY_PARAMETERS, "Properties.AllowedQueryParameters");
        SOURCE.put(ATTR + ATTR_PROPERTIES, "Properties");
        SOURCE.put(ATTR + ATTR_CUSTOMER_ID, "CustomerId");
        SOURCE.put(ATTR + ATTR_SEEDED, "(seeded marker)");
    }

    private ClientFields() {
    }
}
