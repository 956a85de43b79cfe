package io.identitybridge.boot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the bundle needs of Keycloak beyond its stable API, checked when the boot hub starts: on a Keycloak without
 * one of them, the start stops with a message naming the bundle, the Keycloak version and what is missing, instead of
 * a bare {@code NoClassDefFoundError} later, or a feature silently gone (Keycloak skips a provider of an SPI it lacks).
 */
final class RequiredKeycloakApi {

    /** Every SPI the jar's META-INF/services files extend (RequiredKeycloakApiTest keeps the two lists equal). */
    static final List<String> SPIS = List.of(
            "org.keycloak.authentication.ClientAuthenticatorFactory",
            "org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory",
            "org.keycloak.forms.login.LoginFormsProviderFactory",
            "org.keycloak.keys.KeyProviderFactory",
            "org.keycloak.protocol.ProtocolMapper",
            "org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory",
            "org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory",
            "org.keycloak.services.clientpolicy.ClientPolicyManagerFactory",
            "org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProviderFactory",
            "org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory",
            "org.keycloak.services.resource.RealmResourceProviderFactory",
            "org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory",
            "org.keycloak.services.ui.extend.UiPageProviderFactory",
            "org.keycloak.services.ui.extend.UiTabProviderFactory");

    /**
     * Internal classes the bundle extends or calls, with the methods it overrides or calls (by name): an overridden
     * method Keycloak renamed would otherwise just stop being called.
     */
    static final Map<String, List<String>> INTERNALS = Map.ofEntries(
            Map.entry("org.keycloak.protocol.oidc.grants.ClientCredentialsGrantTypeFactory", List.of("create")),
            Map.entry("org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType", List.of("getRequestedScopes", "setContext", "createTokenResponseBuilder")),
            Map.entry("org.keycloak.protocol.oidc.TokenManager", List.of("initToken")),
            Map.entry("org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory", List.of("create")),
            Map.entry("org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider", List.of("verifyAudience")),
            Map.entry("org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory", List.of("create")),
            Map.entry("org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider", List.of("createCommonAttributes")),
            Map.entry("org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper", List.of("transformAccessToken")),
            Map.entry("org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper",
                    List.of("addIncludeInTokensConfig", "addTokenClaimNameConfig", "mapClaim")),
            Map.entry("org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner", List.of("run")),
            Map.entry("org.keycloak.connections.jpa.support.EntityManagers", List.of("runInBatch")),
            Map.entry("org.keycloak.models.jpa.entities.ClientEntity", List.of("getAttributes")),
            Map.entry("org.keycloak.services.managers.ClientManager", List.of("removeClient")),
            Map.entry("org.keycloak.services.resources.admin.fgap.AdminPermissions", List.of("evaluator")),
            Map.entry("org.keycloak.services.resources.admin.AdminEventBuilder", List.of("operation")),
            Map.entry("org.keycloak.services.resources.admin.AdminRoot", List.of("authenticateRealmAdminRequest")),
            Map.entry("org.keycloak.services.Urls", List.of("realmIssuer")),
            Map.entry("org.keycloak.services.clientpolicy.DefaultClientPolicyManager", List.of("triggerOnEvent", "getClientPolicies")),
            Map.entry("org.keycloak.keys.GeneratedRsaKeyProviderFactory", List.of("validateConfiguration")),
            Map.entry("org.keycloak.keys.GeneratedEcdsaKeyProviderFactory", List.of("convertJWSAlgorithmToECDomainParmNistRep")));

    private RequiredKeycloakApi() {
    }

    /** The missing classes and methods, as {@code class} or {@code class#method}; empty when all are there. */
    static List<String> missing(ClassLoader loader, List<String> classes, Map<String, List<String>> methods) {
        List<String> out = new ArrayList<>();
        for (String name : classes) {
            if (load(loader, name) == null) {
                out.add(name);
            }
        }
        methods.forEach((name, wanted) -> {
            Class<?> c = load(loader, name);
            if (c == null) {
                out.add(name);
                return;
            }
            for (String method : wanted) {
                if (!hasMethod(c, method)) {
                    out.add(name + "#" + method);
                }
            }
        });
        return out;
    }

    /** Throws, naming the bundle, the Keycloak version and what is missing, when anything is. */
    static void check(ClassLoader loader, String release, String keycloak, String line, String tested) {
        List<String> missing = missing(loader, SPIS, INTERNALS);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Identity Bridge " + release + " cannot run on Keycloak " + keycloak
                    + ": this Keycloak lacks " + String.join(", ", missing) + ". Use Keycloak " + line + ".x (tested on "
                    + tested + ") or the Identity Bridge release made for " + keycloak + ".");
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean hasMethod(Class<?> c, String name) {
        try {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                if (Arrays.stream(k.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name))) {
                    return true;
                }
            }
            return Arrays.stream(c.getMethods()).map(Method::getName).anyMatch(name::equals);
        } catch (LinkageError e) {
            // Listing the methods needs every type in their signatures; one Keycloak left out of this server is no
            // proof that the method is gone, and refusing the start for it would stop a working server.
            return true;
        }
    }
}
