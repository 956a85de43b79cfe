package io.identitybridge.console;

import io.identitybridge.spi.ProviderFactoryDefaults;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * A page of the admin console that shows rows the server writes: the declarative UI reads this factory's metadata and
 * calls its component hooks, and an administrator's save is refused with a line saying where the rows come from.
 */
abstract class ReadOnlyPageFactory implements UiPageProviderFactory<UiPageProvider>, ProviderFactoryDefaults<UiPageProvider> {

    private final String id;
    private final String whyReadOnly;

    ReadOnlyPageFactory(String id, String whyReadOnly) {
        this.id = id;
        this.whyReadOnly = whyReadOnly;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (AdminConsoleAccess.isAdminCall(session)) {
            AdminConsoleAccess.evaluator(session, realm).clients().requireManage();
            throw AdminConsoleAccess.refuse(whyReadOnly);
        }
    }

    /** The theme's message key, named after the page like its other keys. */
    @Override
    public String getHelpText() {
        return id + "-help";
    }

    @Override
    public String getId() {
        return id;
    }
}
