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
        SortedMap<String, String> s = new TreeMap<>();
        for (String key : keys) {
            if (key.startsWith(ATTR)) {
                String v = scope.getAttribute(key.substring(ATTR.length()));
                s.put(key, v == null ? "" : v);
            } else if (key.equals("description")) {
                s.put(key, scope.getDescription() == null ? "" : scope.getDescription());
            } else if (key.equals(ScopeSpecReader.AUDIENCE)) {
                s.put(key, scope.getProtocolMappersStream().filter(m -> AUDIENCE_MAPPER.equals(m.getProtocolMapper())
                        && AUDIENCE_MAPPER_NAME.equals(m.getName())).map(m -> m.getConfig().getOrDefault("included.custom.audience", ""))
                        .findFirst().orElse(""));
            } else if (key.equals(ScopeSpecReader.CLAIMS)) {
                TreeSet<String> claims = new TreeSet<>();
                claimMappers(scope).forEach(m -> claims.add(m.getName().substring(CLAIM_MAPPER_PREFIX.length())));
                s.put(key, Json.sortedArray(claims));
            }
        }
        return s;
    }

    static ClientScopeModel create(RealmModel realm, String name) {
        ClientScopeModel scope = realm.addClientScope(name);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        return scope;
    }

    static void write(ClientScopeModel scope, SortedMap<String, String> desired, List<String> keys) {
        boolean mappers = false;
        for (String key : keys) {
            String v = desired.get(key);
            if (key.startsWith(ATTR)) {
                scope.setAttribute(key.substring(ATTR.length()), v);
                mappers |= key.equals(ScopeSpecReader.TYPE);
            } else if (key.equals("description")) {
                scope.setDescription(v.isEmpty() ? null : v);
            } else if (key.equals(ScopeSpecReader.CLAIMS)) {
                mappers = true;
            } else if (key.equals(ScopeSpecReader.AUDIENCE)) {
                scope.getProtocolMappersStream().filter(m -> AUDIENCE_MAPPER_NAME.equals(m.getName())).toList()
                        .forEach(scope::removeProtocolMapper);
                if (!v.isEmpty()) {
                    scope.addProtocolMapper(audienceMapper(v));
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
                .filter(m -> USER_ATTRIBUTE_MAPPER.equals(m.getProtocolMapper()) && m.getName().startsWith(CLAIM_MAPPER_PREFIX))
                .toList();
    }

    private static ProtocolMapperModel audienceMapper(String audience) {
        ProtocolMapperModel m = new ProtocolMapperModel();
        m.setName(AUDIENCE_MAPPER_NAME);
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper(AUDIENCE_MAPPER);
        m.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "introspection.token.claim", "true", "id.token.claim", "false"));
        return m;
    }

    private static ProtocolMapperModel claimMapper(String claim, boolean identity) {
        ProtocolMapperModel m = new ProtocolMapperModel();
        m.setName(CLAIM_MAPPER_PREFIX + claim);
        m.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        m.setProtocolMapper(USER_ATTRIBUTE_MAPPER);
        m.setConfig(Map.of(
                "user.attribute", claim,
                "claim.name", claim,
                "jsonType.label", "String",
                "id.token.claim", String.valueOf(identity),
                "access.token.claim", String.valueOf(!identity),
                "userinfo.token.claim", "true"));
        return m;
    }
}
