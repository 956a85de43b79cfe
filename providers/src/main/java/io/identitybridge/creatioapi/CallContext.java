package io.identitybridge.creatioapi;

import io.identitybridge.audit.AuditTrail;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Who calls, in which realm. */
public record CallContext(KeycloakSession session, RealmModel realm, ClientModel caller) {

    /** The admin events of this call's writes, with the caller's client and service account as their auth details. */
    public AuditTrail audit() {
        return AuditTrail.byClient(session, realm, caller);
    }
}
