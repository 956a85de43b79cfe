package io.identitybridge.queryparams;

import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.forms.login.LoginFormsPages;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;

import java.util.Locale;
import java.util.Properties;

/**
 * Keycloak's FreeMarker login forms plus one template attribute, {@value #ATTRIBUTE}: the allowed extra authorize
 * parameters of the current login (name to value). Templates print them with FreeMarker's HTML auto-escaping.
 * Keycloak offers no other way for a theme to read auth-session notes.
 */
public class QueryParamsLoginFormsProvider extends FreeMarkerLoginFormsProvider {

    public static final String ATTRIBUTE = "ibQueryParams";

    public QueryParamsLoginFormsProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected void createCommonAttributes(Theme theme, Locale locale, Properties messagesBundle, UriBuilder baseUriBuilder, LoginFormsPages page) {
        super.createCommonAttributes(theme, locale, messagesBundle, baseUriBuilder, page);
        if (authenticationSession != null) {
            attributes.put(ATTRIBUTE, QueryParamNotes.allowed(authenticationSession.getClient(), authenticationSession::getClientNote));
        }
    }
}
