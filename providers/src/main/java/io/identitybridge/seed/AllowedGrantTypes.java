package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.GrantTypes;
import io.identitybridge.vocabulary.Limits;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A client's AllowedGrantTypes, checked the way IdentityServer4 checks them; the vocabulary maps them to switches. */
record AllowedGrantTypes(Set<String> names) {

    static AllowedGrantTypes read(JsonBody in) {
        Set<String> names = new TreeSet<>();
        for (String given : in.strings("AllowedGrantTypes", Limits.MAX_GRANT_TYPES, Limits.COLUMN)) {
            String name = GrantTypes.canonical(given);
            if (name == null) {
                in.error("AllowedGrantTypes", "has the unknown grant type '" + given + "'; known: " + GrantTypes.NAMES);
            } else if (!names.add(name)) {
                in.error("AllowedGrantTypes", "lists '" + given + "' twice");
            }
        }
        for (List<String> pair : GrantTypes.CONFLICTS) {
            if (names.containsAll(pair)) {
                in.error("AllowedGrantTypes", "cannot contain both '" + pair.get(0) + "' and '" + pair.get(1) + "'");
            }
        }
        return new AllowedGrantTypes(names);
    }

    GrantTypes.Switches switches() {
        return GrantTypes.switches(names);
    }

    boolean refreshToken() {
        return names.contains(GrantTypes.REFRESH_TOKEN);
    }

    boolean usesRedirects() {
        return switches().standardFlow() || switches().implicitFlow();
    }

    /** Grants whose token requests authenticate the client, so a confidential client needs a secret. */
    boolean needsTokenEndpoint() {
        GrantTypes.Switches on = switches();
        return on.serviceAccounts() || on.directAccessGrants() || on.standardFlow() || on.device() || refreshToken();
    }
}
