package io.identitybridge.vocabulary;

import org.keycloak.models.ClientModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * IdentityServer4's AllowedGrantTypes and Keycloak's client switches, both ways: seeding turns the names into
 * switches, the Clients API turns a client's switches back into names, and the names it reports are ones seeding
 * accepts (a code-and-implicit client is "hybrid", never the pair IdentityServer4 refuses).
 */
public final class GrantTypes {

    public static final String CODE = "authorization_code";
    public static final String IMPLICIT = "implicit";
    public static final String HYBRID = "hybrid";
    public static final String PASSWORD = "password";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String DEVICE = "device";
    /** Not a Keycloak switch: it asks for refresh tokens, as AllowOfflineAccess does, so it is never reported back. */
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String DEVICE_URN = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String DEVICE_ATTRIBUTE = "oauth2.device.authorization.grant.enabled";
    /** Every name seeding accepts (besides {@link #DEVICE_URN}, another spelling of {@link #DEVICE}). */
    public static final List<String> NAMES = List.of(IMPLICIT, CLIENT_CREDENTIALS, CODE, HYBRID, PASSWORD, DEVICE, REFRESH_TOKEN);
    /** The pairs IdentityServer4 refuses in one client. */
    public static final List<List<String>> CONFLICTS = List.of(List.of(IMPLICIT, CODE), List.of(IMPLICIT, HYBRID), List.of(CODE, HYBRID));

    /** Keycloak's switches of a client: standard flow, implicit flow, direct access grants, service account, device. */
    public record Switches(boolean standardFlow, boolean implicitFlow, boolean directAccessGrants, boolean serviceAccounts,
                           boolean device) {
    }

    private GrantTypes() {
    }

    /** The name as seeding keeps it (trimmed, lower case, the device URN as "device"), or null when unknown. */
    public static String canonical(String given) {
        String name = given.strip().toLowerCase(Locale.ROOT);
        if (DEVICE_URN.equals(name)) {
            return DEVICE;
        }
        return NAMES.contains(name) ? name : null;
    }

    /** The switches for a set of canonical names without conflicts. */
    public static Switches switches(Set<String> names) {
        return new Switches(names.contains(CODE) || names.contains(HYBRID), names.contains(IMPLICIT) || names.contains(HYBRID),
                names.contains(PASSWORD), names.contains(CLIENT_CREDENTIALS), names.contains(DEVICE));
    }

    public static Switches switches(ClientModel c) {
        return new Switches(c.isStandardFlowEnabled(), c.isImplicitFlowEnabled(), c.isDirectAccessGrantsEnabled(),
                c.isServiceAccountsEnabled(), "true".equals(c.getAttribute(DEVICE_ATTRIBUTE)));
    }

    /** The names for a client's switches, in a fixed order: browser flow first, then password, client_credentials, device. */
    public static List<String> names(Switches s) {
        List<String> g = new ArrayList<>();
        if (s.standardFlow() && s.implicitFlow()) {
            g.add(HYBRID);
        } else if (s.standardFlow()) {
            g.add(CODE);
        } else if (s.implicitFlow()) {
            g.add(IMPLICIT);
        }
        if (s.directAccessGrants()) {
            g.add(PASSWORD);
        }
        if (s.serviceAccounts()) {
            g.add(CLIENT_CREDENTIALS);
        }
        if (s.device()) {
            g.add(DEVICE_URN); // IdentityServer4's own spelling, which seeding reads as device
        }
        return g;
    }

    public static List<String> names(ClientModel c) {
        return names(switches(c));
    }
}
