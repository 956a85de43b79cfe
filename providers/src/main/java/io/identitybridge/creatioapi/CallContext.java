package io.identitybridge.creatioapi;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Who calls, in which realm. */
public record CallContext(KeycloakSession session, RealmModel realm, ClientModel caller) {
}
