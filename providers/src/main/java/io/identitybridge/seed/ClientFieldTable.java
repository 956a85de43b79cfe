package io.identitybridge.seed;

import io.identitybridge.compat.ClientClaimsMapper;
import io.identitybridge.compat.ClientIdClaimMapper;
import io.identitybridge.compat.IdTokenLifetimeMapper;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.GrantTypes;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.identitybridge.seed.ClientField.BOOLEAN;
import static io.identitybridge.seed.ClientField.SET;
import static io.identitybridge.seed.ClientField.TEXT;
import static io.identitybridge.seed.ClientField.attribute;
import static io.identitybridge.seed.ClientField.property;

/**
 * Every client field the seeder owns, in the order administrators know them (the order of reports). Reading a client,
 * creating one, writing one and planning all go over {@link #ALL}; adding a field is one entry here and its value in
 * {@link ClientSpecReader}.
 */
final class ClientFieldTable {

    static final ClientField<String> NAME = property("name", "ClientName", TEXT,
            ClientModel::getName, ClientModel::setName, ClientRepresentation::setName, ClientRepresentation::getName);
    static final ClientField<String> DESCRIPTION = property("description", "Description", TEXT,
            ClientModel::getDescription, ClientModel::setDescription, ClientRepresentation::setDescription, ClientRepresentation::getDescription);
    static final ClientField<Boolean> ENABLED = property("enabled", "Enabled", BOOLEAN,
            ClientModel::isEnabled, ClientModel::setEnabled, ClientRepresentation::setEnabled, ClientRepresentation::isEnabled);
    static final ClientField<String> BASE_URL = property("baseUrl", "ClientUri", TEXT,
            ClientModel::getBaseUrl, ClientModel::setBaseUrl, ClientRepresentation::setBaseUrl, ClientRepresentation::getBaseUrl);
    static final ClientField<String> LOGO_URI = attribute("logoUri", "LogoUri");
    static final ClientField<Boolean> PUBLIC_CLIENT = property("publicClient", "Secrets", BOOLEAN,
            ClientModel::isPublicClient, ClientModel::setPublicClient, ClientRepresentation::setPublicClient, ClientRepresentation::isPublicClient);
    static final ClientField<String> AUTHENTICATOR = property("clientAuthenticatorType", "Secrets", TEXT,
            ClientModel::getClientAuthenticatorType, ClientModel::setClientAuthenticatorType,
            ClientRepresentation::setClientAuthenticatorType, ClientRepresentation::getClientAuthenticatorType);
    static final ClientField<String> SECRETS = attribute(ClientFields.ATTR_SECRETS, "Secrets");
    static final ClientField<Boolean> STANDARD_FLOW = property("standardFlowEnabled", "AllowedGrantTypes", BOOLEAN,
            ClientModel::isStandardFlowEnabled, ClientModel::setStandardFlowEnabled,
            ClientRepresentation::setStandardFlowEnabled, ClientRepresentation::isStandardFlowEnabled);
    static final ClientField<Boolean> IMPLICIT_FLOW = property("implicitFlowEnabled", "AllowedGrantTypes", BOOLEAN,
            ClientModel::isImplicitFlowEnabled, ClientModel::setImplicitFlowEnabled,
            ClientRepresentation::setImplicitFlowEnabled, ClientRepresentation::isImplicitFlowEnabled);
    static final ClientField<Boolean> DIRECT_ACCESS_GRANTS = property("directAccessGrantsEnabled", "AllowedGrantTypes", BOOLEAN,
            ClientModel::isDirectAccessGrantsEnabled, ClientModel::setDirectAccessGrantsEnabled,
            ClientRepresentation::setDirectAccessGrantsEnabled, ClientRepresentation::isDirectAccessGrantsEnabled);
    /** Turning it on or off creates or removes the service-account user, as Keycloak's admin API does. */
    static final ClientField<Boolean> SERVICE_ACCOUNTS = new ClientField<>("serviceAccountsEnabled", "AllowedGrantTypes", BOOLEAN,
            ClientModel::isServiceAccountsEnabled,
            (target, on) -> ClientManager.updateClientServiceAccount(target.session(), target.client(), on),
            ClientRepresentation::setServiceAccountsEnabled, ClientRepresentation::isServiceAccountsEnabled);
    static final ClientField<String> DEVICE_FLOW = attribute(GrantTypes.DEVICE_ATTRIBUTE, "AllowedGrantTypes");
    static final ClientField<String> REFRESH_TOKENS = attribute("use.refresh.tokens", "AllowOfflineAccess");
    static final ClientField<String> ACCESS_TOKENS_VIA_BROWSER =
            attribute(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER, "AllowAccessTokensViaBrowser");
    static final ClientField<Collection<String>> REDIRECT_URIS = property("redirectUris", "RedirectUris", SET,
            ClientModel::getRedirectUris, (client, uris) -> client.setRedirectUris(new HashSet<>(uris)),
            (rep, uris) -> rep.setRedirectUris(List.copyOf(uris)), ClientRepresentation::getRedirectUris);
    static final ClientField<String> POST_LOGOUT_REDIRECT_URIS = attribute("post.logout.redirect.uris", "PostLogoutRedirectUris");
    static final ClientField<Collection<String>> WEB_ORIGINS = property("webOrigins", "AllowedCorsOrigins", SET,
            ClientModel::getWebOrigins, (client, origins) -> client.setWebOrigins(new HashSet<>(origins)),
            (rep, origins) -> rep.setWebOrigins(List.copyOf(origins)), ClientRepresentation::getWebOrigins);
    static final ClientField<Boolean> CONSENT_REQUIRED = property("consentRequired", "RequireConsent", BOOLEAN,
            ClientModel::isConsentRequired, ClientModel::setConsentRequired,
            ClientRepresentation::setConsentRequired, ClientRepresentation::isConsentRequired);
    static final ClientField<String> ACCESS_TOKEN_LIFESPAN = attribute("access.token.lifespan", "AccessTokenLifetime");
    static final ClientField<String> ID_TOKEN_LIFESPAN = attribute(ClientFields.ATTR_ID_TOKEN_LIFESPAN, "IdentityTokenLifetime");
    static final ClientField<Boolean> ID_TOKEN_LIFETIME_MAPPER = ClientMappers.field("mapper.id-token-lifetime",
            "IdentityTokenLifetime", IdTokenLifetimeMapper.PROVIDER_ID, IdTokenLifetimeMapper::model);
    static final ClientField<Boolean> CLIENT_ID_MAPPER = ClientMappers.field("mapper.client-id",
            "(client_id claim)", ClientIdClaimMapper.PROVIDER_ID, ClientIdClaimMapper::model);
    static final ClientField<Boolean> CLIENT_CLAIMS_MAPPER = ClientMappers.field("mapper.client-claims",
            "Claims", ClientClaimsMapper.PROVIDER_ID, ClientClaimsMapper::model);
    static final ClientField<String> CLIENT_CLAIMS = attribute(ClientFields.ATTR_CLIENT_CLAIMS, "Claims");
    static final ClientField<String> CLIENT_CLAIMS_PREFIX = attribute(ClientFields.ATTR_CLIENT_CLAIMS_PREFIX, "PrefixClientClaims");
    static final ClientField<String> CLIENT_CLAIMS_ALWAYS = attribute(ClientFields.ATTR_CLIENT_CLAIMS_ALWAYS, "AlwaysSendClientClaims");
    static final ClientField<String> SESSION_IDLE = attribute("client.session.idle.timeout", "SlidingRefreshTokenLifetime");
    static final ClientField<String> SESSION_MAX = attribute("client.session.max.lifespan", "AbsoluteRefreshTokenLifetime");
    static final ClientField<String> PKCE_METHOD = attribute("pkce.code.challenge.method", "RequirePkce");
    static final ClientField<Boolean> FRONT_CHANNEL_LOGOUT = property("frontchannelLogout", "LogoutUri", BOOLEAN,
            ClientModel::isFrontchannelLogout, ClientModel::setFrontchannelLogout,
            ClientRepresentation::setFrontchannelLogout, ClientRepresentation::isFrontchannelLogout);
    static final ClientField<String> FRONT_CHANNEL_LOGOUT_URL = attribute("frontchannel.logout.url", "LogoutUri");
    static final ClientField<String> FRONT_CHANNEL_LOGOUT_SESSION =
            attribute("frontchannel.logout.session.required", "LogoutSessionRequired");
    static final ClientField<String> BACK_CHANNEL_LOGOUT_URL = attribute("backchannel.logout.url", "BackChannelLogoutUri");
    static final ClientField<String> BACK_CHANNEL_LOGOUT_SESSION =
            attribute("backchannel.logout.session.required", "BackChannelLogoutSessionRequired");
    static final ClientField<Collection<String>> DEFAULT_SCOPES = ClientScopesIO.field("defaultClientScopes", "AllowedScopes", true);
    static final ClientField<Collection<String>> OPTIONAL_SCOPES = ClientScopesIO.field("optionalClientScopes", "AllowedScopes", false);
    static final ClientField<String> ALLOWED_QUERY_PARAMETERS =
            attribute(ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS, "Properties.AllowedQueryParameters");
    static final ClientField<String> PROPERTIES = attribute(ClientFields.ATTR_PROPERTIES, "Properties");
    static final ClientField<String> CUSTOMER_ID = attribute(ClientFields.ATTR_CUSTOMER_ID, "CustomerId");
    /** "true" on clients this seeder created, so that opt-in pruning never touches anything else. */
    static final ClientField<String> SEEDED = attribute(ClientFields.ATTR_SEEDED, "(seeded marker)");
    static final ClientField<String> REGISTERED_BY = attribute(ClientFields.ATTR_REGISTERED_BY, "(registrar)");
    static final ClientField<String> REGISTERED_BY_ID = attribute(ClientFields.ATTR_REGISTERED_BY_ID, "(registrar)");

    static final List<ClientField<?>> ALL = List.of(NAME, DESCRIPTION, ENABLED, BASE_URL, LOGO_URI, PUBLIC_CLIENT, AUTHENTICATOR,
            SECRETS, STANDARD_FLOW, IMPLICIT_FLOW, DIRECT_ACCESS_GRANTS, SERVICE_ACCOUNTS, DEVICE_FLOW, REFRESH_TOKENS,
            ACCESS_TOKENS_VIA_BROWSER, REDIRECT_URIS, POST_LOGOUT_REDIRECT_URIS, WEB_ORIGINS, CONSENT_REQUIRED,
            ACCESS_TOKEN_LIFESPAN, ID_TOKEN_LIFESPAN, ID_TOKEN_LIFETIME_MAPPER, CLIENT_ID_MAPPER, CLIENT_CLAIMS_MAPPER,
            CLIENT_CLAIMS, CLIENT_CLAIMS_PREFIX, CLIENT_CLAIMS_ALWAYS, SESSION_IDLE, SESSION_MAX, PKCE_METHOD,
            FRONT_CHANNEL_LOGOUT, FRONT_CHANNEL_LOGOUT_URL, FRONT_CHANNEL_LOGOUT_SESSION, BACK_CHANNEL_LOGOUT_URL,
            BACK_CHANNEL_LOGOUT_SESSION, DEFAULT_SCOPES, OPTIONAL_SCOPES, ALLOWED_QUERY_PARAMETERS, PROPERTIES, CUSTOMER_ID,
            SEEDED, REGISTERED_BY, REGISTERED_BY_ID);

    private static final Map<String, ClientField<?>> BY_KEY = new LinkedHashMap<>();

    static {
        ALL.forEach(field -> {
            if (BY_KEY.put(field.key(), field) != null) {
                throw new IllegalStateException("client field " + field.key() + " is listed twice");
            }
        });
    }

    private ClientFieldTable() {
    }

    static Optional<ClientField<?>> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The IS4 property behind a key, or the key itself when it is none of ours. */
    static String source(String key) {
        ClientField<?> field = BY_KEY.get(key);
        return field == null ? key : field.source();
    }
}
