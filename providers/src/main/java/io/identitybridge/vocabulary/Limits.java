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

    private Limits() {
    }

    /** Dates are years 1 to 9999: what .NET's DateTime holds, and what converts to epoch milliseconds without overflow. */
    public static boolean yearInRange(java.time.OffsetDateTime t) {
        int year = t.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }
}
