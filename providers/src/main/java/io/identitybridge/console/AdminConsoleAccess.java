package io.identitybridge.console;

import io.identitybridge.vocabulary.ConsoleWrites;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

import java.util.regex.Pattern;

/**
 * Who is changing our console components. Keycloak's components endpoint lets any realm manager through
 * (manage-realm); our pages act on clients, so they also ask Keycloak's own evaluator for manage-clients. Writes
 * that our code makes itself ({@link ConsoleWrites}) and writes that are not an admin's components call (realm import
 * at boot) are left alone.
 */
final class AdminConsoleAccess {

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

    /** True when an administrator's request to Keycloak's components endpoint causes this write. */
    static boolean isAdminCall(KeycloakSession session) {
        if (ConsoleWrites.areOurs(session)) {
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

    /**
     * Keycloak's permission evaluator for the administrator whose bearer token made this request, authenticated the way
     * Keycloak's admin endpoints do it. Reading the admin from the token's claims is not enough: Keycloak 26.7.3 issues
     * the admin console's and admin-cli's tokens without {@code sub}.
     */
    static AdminPermissionEvaluator evaluator(KeycloakSession session, RealmModel realm) {
        // Keycloak's admin authentication sets the context realm to the admin's realm; the write is in this one.
        RealmModel context = session.getContext().getRealm();
        AdminAuth auth;
        try {
            auth = AdminRoot.authenticateRealmAdminRequest(session);
        } catch (NotAuthorizedException e) {
            throw new ForbiddenException();
        } finally {
            session.getContext().setRealm(context);
        }
        return AdminPermissions.evaluator(session, realm, auth);
    }
}
