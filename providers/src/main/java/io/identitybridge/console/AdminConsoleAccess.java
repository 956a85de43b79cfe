package io.identitybridge.console;

import jakarta.ws.rs.ForbiddenException;

import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who is changing our console components. Keycloak's components endpoint lets any realm manager through
 * (manage-realm); our pages act on clients, so they also ask Keycloak's own evaluator for manage-clients. Writes
 * that our code makes itself (mirroring a resource, recording a seeding) are marked on the session, which no HTTP
 * caller can set, and writes that are not an admin's components call (realm import at boot) are left alone.
 */
final class AdminConsoleAccess {

    private static final String INTERNAL = "ib.console.internal";
    private static final Pattern COMPONENTS_CALL = Pattern.compile(".*/admin/realms/[^/]+/components(/[^/]+)?/?");

    private AdminConsoleAccess() {
    }

    /**
     * A refusal the console shows as written: Keycloak passes the message through MessageFormat, so it is quoted whole
     * (an apostrophe or a brace in a seeder message would otherwise vanish or break the format).
     */
    static ComponentValidationException refuse(String message) {
        return new ComponentValidationException("'" + message.replace("'", "''") + "'");
    }

    static <T> T internal(KeycloakSession session, Supplier<T> write) {
        Object before = session.getAttribute(INTERNAL);
        session.setAttribute(INTERNAL, Boolean.TRUE);
        try {
            return write.get();
        } finally {
            if (before == null) {
                session.removeAttribute(INTERNAL);
            }
        }
    }

    /** True when an administrator's request to Keycloak's components endpoint causes this write. */
    static boolean isAdminCall(KeycloakSession session) {
        if (session.getAttribute(INTERNAL) != null) {
            return false;
        }
        try {
            return COMPONENTS_CALL.matcher(session.getContext().getUri().getPath()).matches();
        } catch (RuntimeException noRequest) { // boot, scheduled tasks: no HTTP request at all
            return false;
        }
    }

    /** True when the running request is an administrator's DELETE of this very component. */
    static boolean isAdminDeleteOf(KeycloakSession session, String componentId) {
        if (!isAdminCall(session)) {
            return false;
        }
        String path = session.getContext().getUri().getPath();
        return "DELETE".equals(session.getContext().getHttpRequest().getHttpMethod()) && path.endsWith("/components/" + componentId);
    }

    /** Keycloak's permission evaluator for the administrator whose bearer token made this request. */
    static AdminPermissionEvaluator evaluator(KeycloakSession session, RealmModel realm) {
        AccessToken token = session.getContext().getBearerToken() instanceof AccessToken t ? t : null;
        if (token == null || token.getIssuer() == null || token.getSubject() == null) {
            throw new ForbiddenException();
        }
        String issuer = token.getIssuer();
        RealmModel adminRealm = session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
        UserModel admin = adminRealm == null ? null : session.users().getUserById(adminRealm, token.getSubject());
        if (admin == null) {
            throw new ForbiddenException();
        }
        ClientModel client = token.getIssuedFor() == null ? null : adminRealm.getClientByClientId(token.getIssuedFor());
        return AdminPermissions.evaluator(session, realm, new AdminAuth(adminRealm, token, admin, client));
    }
}
