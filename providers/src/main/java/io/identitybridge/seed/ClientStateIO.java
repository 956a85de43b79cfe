package io.identitybridge.seed;

import io.identitybridge.compat.IdTokenLifetimeMapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.ClientManager;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.identitybridge.seed.ClientFields.ATTR;

/** Reads a Keycloak client as {@link ClientFields} keys, and writes exactly the keys it is told to. */
final class ClientStateIO {

    /** Added by Keycloak itself to every service-account client; not ours to compare or remove. */
    private static final String SERVICE_ACCOUNT_SCOPE = "service_account";

    private ClientStateIO() {
    }

    static SortedMap<String, String> read(ClientModel c, Set<String> keys) {
        SortedMap<String, String> s = new TreeMap<>();
        for (String key : keys) {
            s.put(key, value(c, key));
        }
        return s;
    }

    private static String value(ClientModel c, String key) {
        if (key.startsWith(ATTR)) {
            return nz(c.getAttribute(key.substring(ATTR.length())));
        }
        return switch (key) {
            case "name" -> nz(c.getName());
            case "description" -> nz(c.getDescription());
            case "enabled" -> String.valueOf(c.isEnabled());
            case "baseUrl" -> nz(c.getBaseUrl());
            case "publicClient" -> String.valueOf(c.isPublicClient());
            case "clientAuthenticatorType" -> nz(c.getClientAuthenticatorType());
            case "standardFlowEnabled" -> String.valueOf(c.isStandardFlowEnabled());
            case "implicitFlowEnabled" -> String.valueOf(c.isImplicitFlowEnabled());
            case "directAccessGrantsEnabled" -> String.valueOf(c.isDirectAccessGrantsEnabled());
            case "serviceAccountsEnabled" -> String.valueOf(c.isServiceAccountsEnabled());
            case "consentRequired" -> String.valueOf(c.isConsentRequired());
            case "frontchannelLogout" -> String.valueOf(c.isFrontchannelLogout());
            case "redirectUris" -> Json.sortedArray(c.getRedirectUris());
            case "webOrigins" -> Json.sortedArray(c.getWebOrigins());
            case "defaultClientScopes" -> Json.sortedArray(scopeNames(c, true));
            case "optionalClientScopes" -> Json.sortedArray(scopeNames(c, false));
            case ClientFields.MAPPER_ID_TOKEN_LIFETIME -> c.getProtocolMappersStream()
                    .anyMatch(m -> IdTokenLifetimeMapper.PROVIDER_ID.equals(m.getProtocolMapper())) ? "present" : "";
            default -> throw new IllegalArgumentException("unknown client field " + key);
        };
    }

    /** Creates a bare OIDC client; {@link #write} then sets every field. */
    static ClientModel create(KeycloakSession session, RealmModel realm, String clientId) {
        var rep = new org.keycloak.representations.idm.ClientRepresentation();
        rep.setClientId(clientId);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setDefaultClientScopes(List.of());
        rep.setOptionalClientScopes(List.of());
        return ClientManager.createClient(session, realm, rep);
    }

    static void write(KeycloakSession session, RealmModel realm, ClientModel c, SortedMap<String, String> desired, List<String> keys) {
        boolean scopesChanged = false;
        for (String key : keys) {
            String v = desired.get(key);
            if (key.startsWith(ATTR)) {
                String attr = key.substring(ATTR.length());
                if (v.isEmpty()) {
                    c.removeAttribute(attr);
                } else {
                    c.setAttribute(attr, v);
                }
                continue;
            }
            switch (key) {
                case "name" -> c.setName(emptyToNull(v));
                case "description" -> c.setDescription(emptyToNull(v));
                case "enabled" -> c.setEnabled(Boolean.parseBoolean(v));
                case "baseUrl" -> c.setBaseUrl(emptyToNull(v));
                case "publicClient" -> c.setPublicClient(Boolean.parseBoolean(v));
                case "clientAuthenticatorType" -> c.setClientAuthenticatorType(v);
                case "standardFlowEnabled" -> c.setStandardFlowEnabled(Boolean.parseBoolean(v));
                case "implicitFlowEnabled" -> c.setImplicitFlowEnabled(Boolean.parseBoolean(v));
                case "directAccessGrantsEnabled" -> c.setDirectAccessGrantsEnabled(Boolean.parseBoolean(v));
                case "serviceAccountsEnabled" -> ClientManager.updateClientServiceAccount(session, c, Boolean.parseBoolean(v));
                case "consentRequired" -> c.setConsentRequired(Boolean.parseBoolean(v));
                case "frontchannelLogout" -> c.setFrontchannelLogout(Boolean.parseBoolean(v));
                case "redirectUris" -> c.setRedirectUris(new HashSet<>(list(v)));
                case "webOrigins" -> c.setWebOrigins(new HashSet<>(list(v)));
                case "defaultClientScopes", "optionalClientScopes" -> scopesChanged = true;
                case ClientFields.MAPPER_ID_TOKEN_LIFETIME -> idTokenMapper(c, !v.isEmpty());
                default -> throw new IllegalArgumentException("unknown client field " + key);
            }
        }
        if (scopesChanged) {
            writeScopes(realm, c, list(desired.get("defaultClientScopes")), list(desired.get("optionalClientScopes")));
        }
    }

    private static void writeScopes(RealmModel realm, ClientModel c, List<String> defaults, List<String> optionals) {
        Map<String, ClientScopeModel> current = new HashMap<>(c.getClientScopes(true));
        current.putAll(c.getClientScopes(false));
        Set<String> wantDefault = new HashSet<>(defaults);
        Set<String> wantOptional = new HashSet<>(optionals);
        Map<String, ClientScopeModel> isDefault = c.getClientScopes(true);
        for (Map.Entry<String, ClientScopeModel> e : current.entrySet()) {
            String name = e.getKey();
            boolean keep = isDefault.containsKey(name) ? wantDefault.contains(name) : wantOptional.contains(name);
            if (!keep && !SERVICE_ACCOUNT_SCOPE.equals(name)) {
                c.removeClientScope(e.getValue());
            }
        }
        Map<String, ClientScopeModel> byName = realm.getClientScopesStream()
                .collect(Collectors.toMap(ClientScopeModel::getName, s -> s, (a, b) -> a));
        add(c, byName, wantDefault, c.getClientScopes(true).keySet(), true);
        add(c, byName, wantOptional, c.getClientScopes(false).keySet(), false);
    }

    private static void add(ClientModel c, Map<String, ClientScopeModel> byName, Set<String> wanted, Set<String> present, boolean dflt) {
        for (String name : new TreeSet<>(wanted)) {
            if (!present.contains(name)) {
                ClientScopeModel scope = byName.get(name);
                if (scope == null) {
                    throw new IllegalStateException("client scope '" + name + "' vanished while seeding");
                }
                c.addClientScope(scope, dflt);
            }
        }
    }

    private static void idTokenMapper(ClientModel c, boolean wanted) {
        List<ProtocolMapperModel> existing = c.getProtocolMappersStream()
                .filter(m -> IdTokenLifetimeMapper.PROVIDER_ID.equals(m.getProtocolMapper())).toList();
        if (wanted && existing.isEmpty()) {
            c.addProtocolMapper(IdTokenLifetimeMapper.model());
        } else if (!wanted) {
            existing.forEach(c::removeProtocolMapper);
        }
    }

    private static Set<String> scopeNames(ClientModel c, boolean dflt) {
        Set<String> names = new TreeSet<>(c.getClientScopes(dflt).keySet());
        names.remove(SERVICE_ACCOUNT_SCOPE);
        return names;
    }

    static List<String> list(String jsonArray) {
        if (jsonArray == null || jsonArray.isEmpty()) {
            return List.of();
        }
        try {
            return Arrays.asList(Json.MAPPER.readValue(jsonArray, String[].class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
