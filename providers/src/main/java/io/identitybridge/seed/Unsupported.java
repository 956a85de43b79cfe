package io.identitybridge.seed;

import io.identitybridge.vocabulary.Limits;
import io.identitybridge.jsonbody.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * IdentityServer4 properties with no Keycloak counterpart yet. Their IS4 default is accepted, because a migrated
 * database lists every property; any other value is refused by name, or, where Keycloak's fixed behaviour is the
 * more permissive-but-harmless one, accepted with a warning that says what Keycloak does instead.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void check(JsonBody in) {
        int code = in.seconds("AuthorizationCodeLifetime", 300, Limits.MAX_TOKEN_LIFETIME_SECONDS);
        if (code != 300) {
            in.error("AuthorizationCodeLifetime", "is not supported yet per client: Keycloak has one code lifetime per realm "
                    + "(accessCodeLifespan, 300 s in the creatio realm)");
        }
        String usage = in.text("RefreshTokenUsage");
        if (usage != null && !usage.equalsIgnoreCase("OneTime") && !usage.equalsIgnoreCase("OneTimeOnly")) {
            in.error("RefreshTokenUsage", "'" + usage + "' is not supported yet: the creatio realm rotates refresh tokens (OneTime)");
        }
        JsonNode type = in.raw("AccessTokenType");
        if (type != null && !type.isNull() && !type.asText().equalsIgnoreCase("Jwt") && !type.asText().equals("0")) {
            in.error("AccessTokenType", "'" + type.asText() + "' is not supported yet: Keycloak issues JWT access tokens only");
        }
        refuseTrue(in, "AllowAccessToAllScopes", "list the scopes in AllowedScopes");
        refuseTrue(in, "RequireSignOutPrompt", "Keycloak decides on the logout confirmation itself");
        if (!in.bool("EnableLocalLogin", true)) {
            in.error("EnableLocalLogin", "false is not supported yet: use a per-client authentication flow override in Keycloak");
        }
        boolean remember = in.bool("AllowRememberConsent", true);
        if (in.bool("RequireConsent", false) && !remember) {
            in.error("AllowRememberConsent", "false is not supported yet: Keycloak always remembers a granted consent");
        }
        refuseNonEmpty(in, "IdentityProviderRestrictions", "use a per-client authentication flow override in Keycloak");
        String salt = in.text("PairWiseSubjectSalt");
        if (salt != null && !salt.isEmpty()) {
            in.error("PairWiseSubjectSalt", "is not supported yet: use Keycloak's pairwise subject mapper");
        }
        if (in.has("ConsentLifetime")) {
            in.error("ConsentLifetime", "is not supported yet: Keycloak's consents do not expire");
        }
        if (!in.bool("UpdateAccessTokenClaimsOnRefresh", true)) {
            in.warning("UpdateAccessTokenClaimsOnRefresh", "false is not enforced: Keycloak recomputes claims on every refresh");
        }
        if (!in.bool("IncludeJwtId", true)) {
            in.warning("IncludeJwtId", "false is not enforced: Keycloak always puts a jti in its tokens");
        }
    }

    private static void refuseTrue(JsonBody in, String name, String hint) {
        if (in.bool(name, false)) {
            in.error(name, "true is not supported yet: " + hint);
        }
    }

    private static void refuseNonEmpty(JsonBody in, String name, String hint) {
        JsonNode given = in.raw(name);
        if (given != null && !given.isNull() && !(given.isArray() && given.isEmpty())) {
            in.error(name, "is not supported yet: " + hint);
        }
    }
}
