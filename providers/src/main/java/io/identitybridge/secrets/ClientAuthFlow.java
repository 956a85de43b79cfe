package io.identitybridge.secrets;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * Keycloak runs only the authenticators of the realm's client-authentication flow, in their order, and each
 * alternative looks the client up itself. Ours must be in it, and first: it refuses malformed credentials
 * ({@link ClientCredentialsGuard}) before Keycloak's own authenticators query the database with them.
 */
public final class ClientAuthFlow {

    private ClientAuthFlow() {
    }

    /** Adds our authenticator as the first alternative, or moves it there; writes nothing when it already is. */
    public static void ensureFirst(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        if (flow == null) {
            return;
        }
        List<AuthenticationExecutionModel> executions = realm.getAuthenticationExecutionsStream(flow.getId()).toList();
        List<AuthenticationExecutionModel> all = executions.stream()
                .filter(e -> ClientFields.AUTHENTICATOR_ID.equals(e.getAuthenticator())).toList();
        // Two nodes' first starts can each add it: one is enough, or a request would run it (and count a wrong secret) twice.
        all.stream().skip(1).forEach(realm::removeAuthenticatorExecution);
        AuthenticationExecutionModel ours = all.isEmpty() ? null : all.get(0);
        int first = executions.stream().filter(e -> !all.contains(e)).mapToInt(AuthenticationExecutionModel::getPriority).min().orElse(10) - 10;
        if (ours == null) {
            AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
            execution.setParentFlow(flow.getId());
            execution.setAuthenticator(ClientFields.AUTHENTICATOR_ID);
            execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
            execution.setPriority(first);
            execution.setAuthenticatorFlow(false);
            realm.addAuthenticatorExecution(execution);
        } else if (ours.getPriority() > first) {
            ours.setPriority(first);
            realm.updateAuthenticatorExecution(ours);
        }
    }
}
