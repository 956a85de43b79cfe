package io.identitybridge.seed;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads and writes an IS4 scope as a Keycloak client scope; its claims are user-attribute mappers we name. */
final class ScopeStateIO {

    private static final String ATTR = "attributes.";
    private static final String USER_ATTRIBUTE_MAPPER = "oidc-usermodel-attribute-mapper";
    private static final String CLAIM_MAPPER_PREFIX = "claim ";
    private static final String AUDIENCE_MAPPER = "oidc-audience-mapper";
    private static final String AUDIENCE_MAPPER_NAME = "audience (IS4 resource)";

    private ScopeStateIO() {
    }

    static SortedMap<String, String> read(ClientScopeModel scope, Iterable<String> keys) {
        SortedMap<String, String> state = new TreeMap<>();
        for (String key : keys) {
            if (key.startsWith(ATTR)) {
                String attribute = scope.getAttribute(key.substring(ATTR.length()));
                state.put(key, attribute == null ? "" : attribute);
            } else if (key.equals("description")) {
                state.put(key, scope.getDescription() == null ? "" : scope.getDescription());
            } else if (key.equals(ScopeSpecReader.AUDIENCE)) {
                state.put(key, scope.getProtocolMappersStream()
                        .filter(mapper -> AUDIENCE_MAPPER.equals(mapper.getProtocolMapper()) && AUDIENCE_MAPPER_NAME.equals(mapper.getName()))
                        .map(mapper -> mapper.getConfig().getOrDefault("included.custom.audience", "")).findFirst().orElse(""));
            } else if (key.equals(ScopeSpecReader.CLAIMS)) {
                TreeSet<String> claims = new TreeSet<>();
                claimMappers(scope).forEach(mapper -> claims.add(mapper.getName().substring(CLAIM_MAPPER_PREFIX.length())));
                state.put(key, Json.sortedArray(claims));
            }
        }
        return state;
    }

    static ClientScopeModel create(RealmModel realm, String name) {
        ClientScopeModel scope = realm.addClientScope(name);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        return scope;
    }

    static void write(ClientScopeModel scope, SortedMap<String, String> desired, List<String> keys) {
        boolean mappers = false;
        for (String key : keys) {
            String value = desired.get(key);
            if (key.startsWith(ATTR)) {
                scope.setAttribute(key.substring(ATTR.length()), value);
                mappers |= key.equals(ScopeSpecReader.TYPE);
            } else if (key.equals("description")) {
                scope.setDescription(value.isEmpty() ? null : value);
            } else if (key.equals(ScopeSpecReader.CLAIMS)) {
                mappers = true;
            } else if (key.equals(ScopeSpecReader.AUDIENCE)) {
                scope.getProtocolMappersStream().filter(mapper -> AUDIENCE_MAPPER_NAME.equals(mapper.getName())).toList()
                        .forEach(scope::removeProtocolMapper);
                if (!value.isEmpty()) {
                    scope.addProtocolMapper(audienceMapper(value));
                }
            }
        }
        if (mappers) {
            claimMappers(scope).forEach(scope::removeProtocolMapper);
            boolean identity = "Identity".equals(desired.get(ScopeSpecReader.TYPE));
            for (String claim : Json.list(desired.get(ScopeSpecReader.CLAIMS))) {
                scope.addProtocolMapper(claimMapper(claim, identity));
            }
        }
    }

    private static List<ProtocolMapperModel> claimMappers(ClientScopeModel scope) {
        return scope.getProtocolMappersStream()
                .filter(mapper -> USER_ATTRIBUTE_MAPPER.equals(mapper.getProtocolMapper()) && mapper.getName().startsWith(CLAIM_MAPPER_PREFIX))
                .toList();
    }

    private static ProtocolMapperModel audienceMapper(String audience) {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(AUDIENCE_MAPPER_NAME);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(AUDIENCE_MAPPER);
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "introspection.token.claim", "true", "id.token.claim", "false"));
        return mapper;
    }

    private static ProtocolMapperModel claimMapper(String claim, boolean identity) {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(CLAIM_MAPPER_PREFIX + claim);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(USER_ATTRIBUTE_MAPPER);
        mapper.setConfig(Map.of(
                "user.attribute", claim,
                "claim.name", claim,
                "jsonType.label", "String",
                "id.token.claim", String.valueOf(identity),
                "access.token.claim", String.valueOf(!identity),
                "userinfo.token.claim", "true"));
        return mapper;
    }
}
