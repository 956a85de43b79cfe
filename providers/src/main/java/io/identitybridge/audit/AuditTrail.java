package io.identitybridge.audit;

import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Keycloak admin events for the bridge's own writes, in the shape Keycloak's admin REST gives its own: operation,
 * resource type, resource path, the caller as auth details, and a representation without secrets when the realm keeps
 * representations. Keycloak's event store writes the event in the write's own transaction, so a write that rolls back
 * (every refused request does) takes its event with it: call this after the write, when nothing refuses any more.
 */
public final class AuditTrail {

    /** The resource type of an OwnedResources resource: Keycloak has none of its own for it. */
    public static final String RESOURCE_TYPE = "IDENTITY_BRIDGE_RESOURCE";
    static final String RESOURCES_PATH = "identity-bridge/resources";

    private final RealmModel realm;
    /** A fresh builder per event: a builder keeps the last representation, which must never carry over. */
    private final Supplier<AdminEventBuilder> builders;

    private AuditTrail(RealmModel realm, Supplier<AdminEventBuilder> builders) {
        this.realm = realm;
        this.builders = builders;
    }

    /** A write of the Identity Service API: the calling client and its service account, as Keycloak's UMA API records them. */
    public static AuditTrail byClient(KeycloakSession session, RealmModel realm, ClientModel caller) {
        UserModel serviceAccount = session.users().getServiceAccount(caller);
        return byAdmin(session, realm, new AdminAuth(realm, null, serviceAccount, caller));
    }

    /** A write of an administrator (the console's client tab and resource page): Keycloak's own auth of the admin request. */
    public static AuditTrail byAdmin(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        ClientConnection connection = session.getContext().getConnection();
        String ip = connection == null ? null : connection.getRemoteHost();
        if (auth.getClient() == null || auth.getUser() == null || connection == null) {
            return new AuditTrail(realm, () -> prefilled(session, realm, auth.getRealm(), auth.getClient(), auth.getUser(), ip));
        }
        return new AuditTrail(realm, () -> new AdminEventBuilder(realm, auth, session, connection));
    }

    /**
     * A write of the bridge itself (the resource sweep, a scheduled task): the auth details name the realm only, with no
     * client, user or address, and the detail {@code task} names the task.
     */
    public static AuditTrail bySystem(KeycloakSession session, RealmModel realm, String task) {
        return new AuditTrail(realm, () -> prefilled(session, realm, realm, null, null, null).detail("task", task));
    }

    /** CREATE or UPDATE of a client, at {@code clients/<id>}, shown as {@link RedactedClient} shows it. */
    public void client(OperationType operation, ClientModel client) {
        send(operation, ResourceType.CLIENT.name(), "clients/" + client.getId(), () -> RedactedClient.of(client));
    }

    /** DELETE of a client, with the ids read before the removal: Keycloak's own client DELETE shows these only. */
    public void clientRemoved(String id, String clientId) {
        send(OperationType.DELETE, ResourceType.CLIENT.name(), "clients/" + id, () -> RedactedClient.identity(id, clientId));
    }

    /** New secrets, at Keycloak's own path for a new client secret; the representation says so and shows none. */
    public void secretRotated(ClientModel client) {
        clientAction(client, "client-secret", () -> {
            Map<String, Object> m = RedactedClient.identity(client.getId(), client.getClientId());
            m.put("type", "secret");
            return m;
        });
    }

    /** An ACTION on a client, at {@code clients/<id>/<action>} (Keycloak's own: {@code client-secret}). */
    public void clientAction(ClientModel client, String action, Supplier<Object> representation) {
        send(OperationType.ACTION, ResourceType.CLIENT.name(), "clients/" + client.getId() + "/" + action, representation);
    }

    /** A scope taken from a client, as Keycloak's DELETE of {@code clients/<id>/default-client-scopes/<scope id>} records it. */
    public void clientScopeRemoved(ClientModel client, ClientScopeModel scope, boolean defaultScope) {
        send(OperationType.DELETE, ResourceType.CLIENT_SCOPE_CLIENT_MAPPING.name(), "clients/" + client.getId()
                + (defaultScope ? "/default-client-scopes/" : "/optional-client-scopes/") + scope.getId(), () -> null);
    }

    /** A write of an owned resource, at {@code identity-bridge/resources/<name>} plus any sub-path. */
    public void resource(OperationType operation, String name, String subPath, Supplier<Object> representation) {
        send(operation, RESOURCE_TYPE, RESOURCES_PATH + "/" + name + (subPath == null ? "" : "/" + subPath), representation);
    }

    private void send(OperationType operation, String type, String path, Supplier<Object> representation) {
        AdminEventBuilder event = builders.get().operation(operation).resource(type).resourcePath(path);
        if (realm.isAdminEventsDetailsEnabled()) {
            event.representation(Representations.bounded(representation.get()));
        }
        event.success();
    }

    /** A builder whose auth details are given as they are, none required: Keycloak's copy constructor, for a subclass. */
    private static AdminEventBuilder prefilled(KeycloakSession session, RealmModel realm, RealmModel authRealm,
                                               ClientModel client, UserModel user, String ip) {
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(authRealm.getId());
        auth.setRealmName(authRealm.getName());
        auth.setClientId(client == null ? null : client.getId());
        auth.setUserId(user == null ? null : user.getId());
        auth.setIpAddress(ip);
        AdminEvent template = new AdminEvent();
        template.setRealmId(realm.getId());
        template.setRealmName(realm.getName());
        template.setAuthDetails(auth);
        return new AdminEventBuilder(realm, null, session, ip, template) {
        };
    }
}
