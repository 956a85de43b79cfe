package io.identitybridge.console;

import io.identitybridge.audit.AuditTrail;
import io.identitybridge.ownedresources.ResourceAdmin;
import io.identitybridge.ownedresources.ResourceMirror;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.List;
import java.util.Map;

/**
 * The admin console's "Identity Service" page: the owned resources of the Identity Service API, one row each
 * ({@link ResourceMirror}). An administrator with manage-clients may delete one, which deletes the resource itself
 * (its client scope and grants) exactly as OwnedResources/delete does. Resources are only ever created by the API.
 */
public class ResourcesPageFactory extends ReadOnlyPageFactory {

    public static final String PROVIDER_ID = ResourceMirror.PAGE_ID;

    public ResourcesPageFactory() {
        super(PROVIDER_ID, "Resources are registered and changed only through the Identity Service API"
                + " (OwnedResources/register); this page lists and deletes them.");
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (!AdminConsoleAccess.isAdminDeleteOf(session, model.getId())) {
            return; // our own clean-up after an API delete or expiry, or the realm going away
        }
        AdminPermissionEvaluator admin = AdminConsoleAccess.evaluator(session, realm);
        admin.clients().requireManage();
        session.setAttribute(ResourceMirror.REMOVING, model.getId());
        try {
            if (ResourceAdmin.delete(session, realm, model.getName())) {
                AuditTrail.byAdmin(session, realm, admin.adminAuth()).resource(OperationType.DELETE, model.getName(), null,
                        () -> Map.of("name", model.getName()));
            }
        } finally {
            session.removeAttribute(ResourceMirror.REMOVING);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(ResourceMirror.NAME).label("identity-service-name").helpText("identity-service-name-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ResourceMirror.OWNER).label("identity-service-owner").helpText("identity-service-owner-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ResourceMirror.TYPE).label("identity-service-type").helpText("identity-service-type-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ResourceMirror.CUSTOMER).label("identity-service-customer").helpText("identity-service-customer-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ResourceMirror.EXPIRES).label("identity-service-expires").helpText("identity-service-expires-help")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(ResourceMirror.NAME, ResourceMirror.OWNER, ResourceMirror.TYPE, ResourceMirror.CUSTOMER,
                ResourceMirror.EXPIRES));
    }
}
