package io.identitybridge.structure;

import org.keycloak.models.ClientModel;

import java.util.function.BiConsumer;

/** Breaks the one-door rule on purpose, twice (a call and a method reference): PackageRulesTest proves it is caught. */
final class ClientWriteFixture {

    private ClientWriteFixture() {
    }

    static void call(ClientModel client) {
        client.setAttribute("ib.customer.id", "forged");
    }

    static BiConsumer<String, String> reference(ClientModel client) {
        return client::setAttribute;
    }
}
