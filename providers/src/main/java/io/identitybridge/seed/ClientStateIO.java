package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;

import io.identitybridge.compat.ClientClaimsMapper;
import io.identitybridge.compat.ClientIdClaimMapper;
import io.identitybridge.compat.IdTokenLifetimeMapper;
import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.services.managers.ClientManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.identitybridge.vocabulary.ClientFields.ATTR;

/** Reads a Keycloak client as {@link ClientFields} keys, and writes exactly the keys it is told to. */
final class ClientStateIO {

    /** Our protocol mappers, by the field that says whether a client has them. */
    /** One of our mappers: its provider id, to recognise it, and a fresh model (Keycloak stores an id into the one it gets). */
    private record Mapper(String providerId, Supplier<ProtocolMapperModel> model) {
    }

    private static final Map<String, Mapper> MAPPERS = Map.of(
            ClientFields.MAPPER_ID_TOKEN_LIFETIME, new Mapper(IdTokenLifetimeMapper.PROVIDER_ID, IdTokenLifetimeMapper::model),
            ClientFields.MAPPER_CLIENT_ID, new Mapper(ClientIdClaimMapper.PROVIDER_ID, ClientIdClaimMapper::model),
            ClientFields.MAPPER_CLIENT_CLAIMS, new Mapper(ClientClaimsMapper.PROVIDER_ID, ClientClaimsMapper::model));

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
            case ClientFields.MAPPER_ID_TOKEN_LIFETIME, ClientFields.MAPPER_CLIENT_ID, ClientFields.MAPPER_CLIENT_CLAIMS -> c.getProtocolMappersStream()
                    .anyMatch(m -> MAPPERS.get(key).providerId().equals(m.getProtocolMapper())) ? "present" : "";
            default -> throw new IllegalArgumentException("unknown client field " + key);
        };
    }

    /**
     * Creates a client with every field at once, through Keycloak's own representation import (as partialImport does),
     * so that a cold seed of many clients costs one insert path per client, not one flush per field.
     */
    static ClientModel create(KeycloakSession session, RealmModel realm, String clientId, SortedMap<String, String> desired) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setName(emptyToNull(desired.get("name")));
        rep.setDescription(emptyToNull(desired.get("description")));
        rep.setEnabled(bool(desired, "enabled"));
        rep.setBaseUrl(emptyToNull(desired.get("baseUrl")));
        rep.setPublicClient(bool(desired, "publicClient"));
        rep.setClientAuthenticatorType(desired.get("clientAuthenticatorType"));
        rep.setStandardFlowEnabled(bool(desired, "standardFlowEnabled"));
        rep.setImplicitFlowEnabled(bool(desired, "implicitFlowEnabled"));
        rep.setDirectAccessGrantsEnabled(bool(desired, "directAccessGrantsEnabled"));
        rep.setConsentRequired(bool(desired, "consentRequired"));
        rep.setFrontchannelLogout(bool(desired, "frontchannelLogout"));
        rep.setRedirectUris(list(desired.get("redirectUris")));
        rep.setWebOrigins(list(desired.get("webOrigins")));
        Map<String, String> attributes = new HashMap<>();
        desired.forEach((k, v) -> {
            if (k.startsWith(ATTR) && !v.isEmpty()) {
                attributes.put(k.substring(ATTR.length()), v);
            }
        });
        rep.setAttributes(attributes);
        boolean serviceAccount = bool(desired, "serviceAccountsEnabled");
        rep.setServiceAccountsEnabled(serviceAccount);
        List<String> defaults = new ArrayList<>(list(desired.get("defaultClientScopes")));
        if (serviceAccount) {
            defaults.add(SERVICE_ACCOUNT_SCOPE);
        }
        rep.setDefaultClientScopes(defaults);
        rep.setOptionalClientScopes(list(desired.get("optionalClientScopes")));
        rep.setProtocolMappers(MAPPERS.entrySet().stream().filter(e -> !desired.getOrDefault(e.getKey(), "").isEmpty())
                .map(e -> ModelToRepresentation.toRepresentation(e.getValue().model().get())).toList());
        ClientModel client = ClientManager.createClient(session, realm, rep);
        if (serviceAccount) {
            // The client is new, so it has no service-account user yet; Keycloak's enableServiceAccount would query first.
            UserModel user = session.users().addUser(realm, ServiceAccountConstants.SERVICE_ACCOUNT_USER_PREFIX + clientId);
            user.setEnabled(true);
            user.setServiceAccountClientLink(client.getId());
        }
        return client;
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
                case ClientFields.MAPPER_ID_TOKEN_LIFETIME, ClientFields.MAPPER_CLIENT_ID, ClientFields.MAPPER_CLIENT_CLAIMS -> mapper(c, MAPPERS.get(key).model().get(), !v.isEmpty());
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
            // Grants of OwnedResources belong to the Identity Service API, not to the seed input.
            if (!keep && !SERVICE_ACCOUNT_SCOPE.equals(name) && !ResourceScopeAttributes.isResource(e.getValue())) {
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

    private static void mapper(ClientModel c, ProtocolMapperModel model, boolean wanted) {
        List<ProtocolMapperModel> existing = c.getProtocolMappersStream()
                .filter(m -> model.getProtocolMapper().equals(m.getProtocolMapper())).toList();
        if (wanted && existing.isEmpty()) {
            c.addProtocolMapper(model);
        } else if (!wanted) {
            existing.forEach(c::removeProtocolMapper);
        }
    }

    static Set<String> scopeNames(ClientModel c, boolean dflt) {
        Set<String> names = new TreeSet<>();
        c.getClientScopes(dflt).forEach((name, scope) -> {
            if (!SERVICE_ACCOUNT_SCOPE.equals(name) && !ResourceScopeAttributes.isResource(scope)) {
                names.add(name);
            }
        });
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

    private static boolean bool(SortedMap<String, String> desired, String key) {
        return Boolean.parseBoolean(desired.get(key));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
