package io.identitybridge.ownedresources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One resource of the Identity Service API: the bookkeeping beside its Keycloak client scope. Every query below is
 * served by an index of the changelog (realm + name, realm + owner, expiry, scope). The owner's CustomerId is not
 * copied here: it stays the owner's client attribute alone, so that it can never go stale.
 */
@Entity
@Table(name = "IB_OWNED_RESOURCE")
@NamedQueries({
        @NamedQuery(name = "ibResourceByName",
                query = "select r from OwnedResourceEntity r where r.realmId = :realmId and r.name = :name"),
        @NamedQuery(name = "ibResourcesByOwners",
                query = "select r from OwnedResourceEntity r where r.realmId = :realmId and r.ownerId in :ownerIds"
                        + " and (r.expiresAt is null or r.expiresAt > :now) order by r.name"),
        @NamedQuery(name = "ibCountLiveByOwner",
                query = "select count(r) from OwnedResourceEntity r where r.realmId = :realmId and r.ownerId = :ownerId"
                        + " and (r.expiresAt is null or r.expiresAt > :now)"),
        @NamedQuery(name = "ibAllResourcesByOwner",
                query = "select r from OwnedResourceEntity r where r.realmId = :realmId and r.ownerId = :ownerId"),
        @NamedQuery(name = "ibExpiredResources",
                query = "select r from OwnedResourceEntity r where r.expiresAt <= :now order by r.expiresAt"),
        @NamedQuery(name = "ibDeleteResourceByScope",
                query = "delete from OwnedResourceEntity r where r.clientScopeId = :clientScopeId"),
        @NamedQuery(name = "ibDeleteResourcesByRealm",
                query = "delete from OwnedResourceEntity r where r.realmId = :realmId"),
})
public class OwnedResourceEntity implements ResourceMirror.Row {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "DISPLAY_NAME")
    private String displayName;

    @Column(name = "RESOURCE_TYPE")
    private String type;

    /** Keycloak's internal id of the owning client. */
    @Column(name = "OWNER_ID", length = 36, nullable = false)
    private String ownerId;

    @Column(name = "CLIENT_SCOPE_ID", length = 36, nullable = false)
    private String clientScopeId;

    /** Epoch milliseconds; null means it never expires. */
    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    /** The request's Properties object, as JSON. */
    @Column(name = "PROPERTIES")
    private String properties;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public String getClientScopeId() { return clientScopeId; }
    public void setClientScopeId(String clientScopeId) { this.clientScopeId = clientScopeId; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public String getProperties() { return properties; }
    public void setProperties(String properties) { this.properties = properties; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
