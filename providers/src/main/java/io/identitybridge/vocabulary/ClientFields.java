package io.identitybridge.vocabulary;

/**
 * Names of the client attributes and fields that Identity Bridge stores on a Keycloak client, shared by every package
 * that reads them. A client's flat state, with each field's type and IS4 property, is {@code seed.ClientFieldTable}.
 */
public final class ClientFields {

    /** The prefix of a client attribute's key in a client's flat state. */
    public static final String ATTR = "attributes.";
    public static final String AUTHENTICATOR_ID = "ib-client-secrets";
    public static final String ATTR_SECRETS = "ib.secrets";
    public static final String ATTR_ID_TOKEN_LIFESPAN = "ib.id.token.lifespan";
    public static final String ATTR_ALLOWED_QUERY_PARAMETERS = "ib.allowed.query.parameters";
    public static final String ATTR_PROPERTIES = "ib.properties";
    public static final String ATTR_CUSTOMER_ID = "ib.customer.id";
    /** IdentityServer4's AllowAccessTokensViaBrowser; anything but "true" means false, as IS4's default. */
    public static final String ATTR_ACCESS_TOKENS_VIA_BROWSER = "ib.allow.access.tokens.via.browser";
    /** "true" on clients that seeding created, so that opt-in pruning never touches anything else. */
    public static final String ATTR_SEEDED = "ib.seeded";
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

    private ClientFields() {
    }
}
