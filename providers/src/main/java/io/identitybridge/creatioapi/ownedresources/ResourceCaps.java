package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.creatioapi.Caps;
import io.identitybridge.ownedresources.OwnedResourceEntity;
import io.identitybridge.ownedresources.ResourceStore;
import org.keycloak.models.ClientModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The caps a resource must pass whenever it becomes live (registered, or revived by an update) or gains a grantee:
 * its owner's live resources ({@code max-resources-per-owner}) and each grantee's live granted resources, whoever owns
 * them ({@code max-resources-per-grantee}), so that no client's token grows without bound because of other owners, and
 * each owner's share of that ({@code max-resources-per-owner-and-grantee}), so that no owner alone can fill it.
 */
final class ResourceCaps {

    private final CallContext ctx;
    private final ResourceStore store;
    private final IdentityBridgeSettings settings;

    ResourceCaps(CallContext ctx, ResourceStore store) {
        this.ctx = ctx;
        this.store = store;
        this.settings = Caps.settings(ctx.session());
    }

    /** Before the caller's resource becomes live with these grantees; the resource itself is not live yet. */
    void beforeLive(Collection<ClientModel> grantees) {
        List<String> ids = new ArrayList<>(grantees.stream().map(ClientModel::getId).toList());
        ids.add(ctx.caller().getId());
        Caps.lock(ctx.session(), ids);
        long now = System.currentTimeMillis();
        int max = settings.maxResourcesPerOwner();
        if (store.countLive(ctx.realm(), ctx.caller().getId(), now) >= max) {
            throw Caps.exceeded("client '" + ctx.caller().getClientId() + "' owns as many live resources as one client may own",
                    max, IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_OWNER);
        }
        for (ClientModel grantee : grantees) {
            granteeHasRoom(grantee, now);
        }
    }

    /** Before an expired resource of the caller's is made live again: it counts as registered anew, grants and all. */
    void beforeRevival(OwnedResourceEntity e) {
        List<ClientModel> grantees = new ArrayList<>();
        for (String id : store.granteesOf(e)) {
            ClientModel c = ctx.session().clients().getClientById(ctx.realm(), id);
            if (c != null) {
                grantees.add(c);
            }
        }
        beforeLive(grantees);
    }

    /** Before a live resource is granted to a client that does not hold it yet. */
    void beforeGrant(ClientModel grantee) {
        Caps.lock(ctx.session(), List.of(grantee.getId()));
        granteeHasRoom(grantee, System.currentTimeMillis());
    }

    private void granteeHasRoom(ClientModel grantee, long now) {
        int max = settings.maxResourcesPerGrantee();
        if (store.countLiveGrantedTo(ctx.realm(), grantee.getId(), now) >= max) {
            throw Caps.exceeded("client '" + grantee.getClientId() + "' is granted as many live resources as one client may be"
                    + " granted, by all owners together", max, IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_GRANTEE);
        }
        // One owner alone never fills a grantee: otherwise it could lock every other owner out of granting to it.
        int share = settings.maxResourcesPerOwnerAndGrantee();
        if (share < max && store.countLiveGrantedToBy(ctx.realm(), grantee.getId(), ctx.caller().getId(), now) >= share) {
            throw Caps.exceeded("client '" + ctx.caller().getClientId() + "' has granted client '" + grantee.getClientId()
                    + "' as many live resources as one owner may grant one client", share,
                    IdentityBridgeSettings.OPT_MAX_RESOURCES_PER_OWNER_AND_GRANTEE);
        }
    }
}
