package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.GrantTypes;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.identitybridge.seed.ClientFieldTable.*;

/**
 * Maps one client of either input form (Creatio's appsettings fields, or IdentityServer4's Client model with its
 * property names) to the fields of the {@link ClientFieldTable}. A property either has an effect or is reported:
 * unknown, or not supported yet. Nothing in the input is dropped without a word.
 */
final class ClientSpecReader {

    /** The default scopes every seeded client gets, whatever its AllowedScopes. */
    static final Set<String> GIVEN_TO_EVERY_CLIENT = Set.of("acr", "basic", "web-origins");

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
        SortedMap<String, String> state = new TreeMap<>();
        NAME.put(state, in.text("ClientName", Limits.COLUMN));
        DESCRIPTION.put(state, in.text("Description", Limits.COLUMN));
        ENABLED.put(state, in.bool("Enabled", true));
        BASE_URL.put(state, Uris.absoluteOrNull(in, "ClientUri", Limits.COLUMN));
        LOGO_URI.put(state, Uris.absoluteOrNull(in, "LogoUri", Limits.ATTRIBUTE_URI));
        CUSTOMER_ID.put(state, in.identifier("CustomerId", Limits.COLUMN));
        SEEDED.put(state, "true");
        // A seeded client belongs to the operator: no registrar keeps it (Clients/register sets its own marks after).
        REGISTERED_BY.put(state, "");
        REGISTERED_BY_ID.put(state, "");
        String protocol = in.text("ProtocolType");
        if (protocol != null && !"oidc".equals(protocol)) {
            in.error("ProtocolType", "is not supported yet: only 'oidc' clients can be seeded");
        }

        AllowedGrantTypes grants = AllowedGrantTypes.read(in);
        GrantTypes.Switches switches = grants.switches();
        boolean offline = in.bool("AllowOfflineAccess", false) || grants.refreshToken();
        STANDARD_FLOW.put(state, switches.standardFlow());
        IMPLICIT_FLOW.put(state, switches.implicitFlow());
        DIRECT_ACCESS_GRANTS.put(state, switches.directAccessGrants());
        SERVICE_ACCOUNTS.put(state, switches.serviceAccounts());
        DEVICE_FLOW.put(state, String.valueOf(switches.device()));
        REFRESH_TOKENS.put(state, String.valueOf(offline));
        // Enforced at the authorize endpoint by the ib-access-tokens-via-browser executor.
        ACCESS_TOKENS_VIA_BROWSER.put(state, String.valueOf(in.bool("AllowAccessTokensViaBrowser", false)));

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
        PUBLIC_CLIENT.put(state, !confidential);
        AUTHENTICATOR.put(state, confidential ? ClientFields.AUTHENTICATOR_ID : "client-secret");
        SECRETS.put(state, secrets);

        REDIRECT_URIS.put(state, Uris.read(in, "RedirectUris", grants.usesRedirects(), Limits.COLUMN));
        POST_LOGOUT_REDIRECT_URIS.put(state, LogoutReader.postLogout(Uris.read(in, "PostLogoutRedirectUris", false, Limits.ATTRIBUTE_URI)));
        WEB_ORIGINS.put(state, Uris.origins(in, "AllowedCorsOrigins"));
        CONSENT_REQUIRED.put(state, in.bool("RequireConsent", false));

        ACCESS_TOKEN_LIFESPAN.put(state, String.valueOf(in.seconds("AccessTokenLifetime", 3600, Limits.MAX_TOKEN_LIFETIME_SECONDS)));
        ID_TOKEN_LIFESPAN.put(state, String.valueOf(in.seconds("IdentityTokenLifetime", 300, Limits.MAX_TOKEN_LIFETIME_SECONDS)));
        ID_TOKEN_LIFETIME_MAPPER.put(state, true);
        CLIENT_ID_MAPPER.put(state, true);
        CLIENT_CLAIMS_MAPPER.put(state, true);
        ClientClaimsReader.read(in, state);
        RefreshLifetimes.read(in, state);
        pkce(in, state);
        LogoutReader.read(in, state);
        Unsupported.check(in);

        List<String> scopes = in.strings("AllowedScopes", Limits.MAX_SCOPES, Limits.COLUMN);
        DEFAULT_SCOPES.put(state, GIVEN_TO_EVERY_CLIENT);
        Set<String> optional = new TreeSet<>();
        for (String scope : scopes) {
            if (!"openid".equals(scope)) {
                optional.add(scope);
            }
        }
        if (offline) {
            optional.add("offline_access");
        }
        OPTIONAL_SCOPES.put(state, optional);

        PropertiesReader.read(in, state);
        in.rejectUnread("client property (Creatio appsettings or IdentityServer4 Client model)");
        return new DesiredClient(index, clientId, state, scopes);
    }

    private static void pkce(JsonBody in, SortedMap<String, String> state) {
        boolean require = in.bool("RequirePkce", false);
        boolean plain = in.bool("AllowPlainTextPkce", false);
        if (require && plain) {
            in.error("AllowPlainTextPkce", "is not supported yet: Keycloak pins one PKCE method per client, so plain and S256 cannot both be allowed");
        }
        PKCE_METHOD.put(state, require ? "S256" : "");
    }

    private static boolean nonEmpty(JsonNode given) {
        return given != null && !given.isNull() && !(given.isArray() && given.isEmpty());
    }
}
