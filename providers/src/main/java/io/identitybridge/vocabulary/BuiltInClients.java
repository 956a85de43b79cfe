package io.identitybridge.vocabulary;

import org.keycloak.Config;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;

import java.util.Set;

/** Keycloak's own clients (admin-cli, account, realm-management, ...): nothing of ours ever changes or hands them out. */
public final class BuiltInClients {

    private static final Set<String> NAMES = Set.of(Constants.ADMIN_CLI_CLIENT_ID, Constants.ADMIN_CONSOLE_CLIENT_ID,
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID, Constants.ACCOUNT_CONSOLE_CLIENT_ID, Constants.BROKER_SERVICE_CLIENT_ID,
            Constants.REALM_MANAGEMENT_CLIENT_ID);

    private BuiltInClients() {
    }

    public static boolean isBuiltIn(RealmModel realm, String clientId) {
        // "<realm>-realm" clients are the admin realm's handles on other realms.
        return NAMES.contains(clientId) || Config.getAdminRealm().equals(realm.getName()) && clientId.endsWith("-realm");
    }
}
