package io.identitybridge.vocabulary;

/**
 * How much of each client property Keycloak's tables hold, so that a request is refused with the field's name instead
 * of failing in the database. Column sizes are those of Keycloak 26's Liquibase changelogs.
 */
public final class Limits {

    /** USER_ENTITY.USERNAME is 255 and the service account is named "service-account-" + ClientId. */
    public static final int CLIENT_ID = 255 - "service-account-".length();
    /** CLIENT.NAME, CLIENT.DESCRIPTION, CLIENT.BASE_URL, REDIRECT_URIS.VALUE, WEB_ORIGINS.VALUE, CLIENT_SCOPE.NAME. */
    public static final int COLUMN = 255;
    /** Identifiers in a request body (client ids, customer ids, resource names) are stored in columns of 255. */
    public static final int IDENTIFIER = COLUMN;
    /** A text property of a request body that names no bound of its own. */
    public static final int TEXT = 4000;
    /** URIs kept in client attributes (logout URIs): long enough for any sane URI, short enough for every index. */
    public static final int ATTRIBUTE_URI = 2048;
    public static final int MAX_URIS = 100;
    public static final int MAX_SCOPES = 100;
    public static final int MAX_SECRETS = 20;
    public static final int MAX_GRANT_TYPES = 10;
    public static final int MAX_PROPERTIES = 50;
    public static final int PROPERTY_VALUE = 4000;

    // What one request or seed input may carry beyond single columns.
    /** A plaintext secret or an IS4 hash in a seed input or a registration. */
    public static final int SECRET = 1024;
    /**
     * A seed input sent to the seed admin endpoints: below Keycloak's own HTTP limit (quarkus.http.limits.max-body-size,
     * 10 MiB by default), which answers a larger body with an empty 413 before any provider runs; up to here the caller
     * gets a JSON error that says what to do.
     */
    public static final int SEED_BODY_CHARS = 10_000_000;
    /** Claims of one client. */
    public static final int MAX_CLAIMS = 100;
    /** A claim's type or value. */
    public static final int CLAIM_VALUE = 1000;
    /** An access or identity token lifetime: one year. */
    public static final int MAX_TOKEN_LIFETIME_SECONDS = 365 * 24 * 3600;
    /** A refresh token lifetime: ten years. */
    public static final int MAX_REFRESH_LIFETIME_SECONDS = 10 * 365 * 24 * 3600;
    /** Grantees of one OwnedResources call: each grantee is one client write. */
    public static final int MAX_GRANTEES = 50;
    /** Resources named in one OwnedResources call. */
    public static final int MAX_RESOURCES = 200;
    /** The body of an Identity Service API call. */
    public static final int API_BODY_BYTES = 256 * 1024;
    /** Scopes named in one removal from clients. */
    public static final int MAX_SCOPES_REMOVED = 200;
    /** CustomerIds of one Clients/find call. */
    public static final int MAX_CUSTOMER_IDS = 50;

    private Limits() {
    }

    /** Dates are years 1 to 9999: what .NET's DateTime holds, and what converts to epoch milliseconds without overflow. */
    public static boolean yearInRange(java.time.OffsetDateTime t) {
        int year = t.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }
}
