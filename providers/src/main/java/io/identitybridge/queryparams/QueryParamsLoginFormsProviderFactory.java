package io.identitybridge.queryparams;

import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Makes {@link QueryParamsLoginFormsProvider} the login forms provider. Its positive order makes it Keycloak's default
 * for the {@code login} SPI; {@code --spi-login--provider=freemarker} switches back to the stock one.
 */
public class QueryParamsLoginFormsProviderFactory extends FreeMarkerLoginFormsProviderFactory {

    public static final String PROVIDER_ID = "ib-freemarker";

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new QueryParamsLoginFormsProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 10;
    }
}
