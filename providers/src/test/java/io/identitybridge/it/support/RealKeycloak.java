package io.identitybridge.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link KeycloakServer}. It lives in the root store, so the first test class that asks starts it
 * and JUnit stops it once the whole suite is done.
 */
public class RealKeycloak implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealKeycloak.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(KeycloakServer.class, k -> KeycloakServer.start(), KeycloakServer.class);
    }
}
