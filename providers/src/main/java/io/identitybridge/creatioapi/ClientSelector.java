package io.identitybridge.creatioapi;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Limits;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which clients a call is about, as Creatio's Clients/find and OwnedResources/list both name them: by CustomerIds, by
 * ClientId, or both. Each CustomerId is one indexed search (README "Security model"), hence the bound.
 */
public record ClientSelector(List<String> customerIds, String clientId) {


    /** Reads the selector, then refuses whatever else the body holds that no earlier read asked for. */
    public static ClientSelector read(JsonBody body) {
        List<String> customerIds = body.strings("CustomerIds", Limits.MAX_CUSTOMER_IDS, Limits.IDENTIFIER);
        String clientId = body.text("ClientId");
        body.rejectUnread();
        boolean noClientId = clientId == null || clientId.isBlank();
        if (customerIds.isEmpty() && noClientId) {
            throw ApiError.badRequest("give 'CustomerIds' or 'ClientId' (or both)");
        }
        return new ClientSelector(List.copyOf(new LinkedHashSet<>(customerIds)), noClientId ? null : clientId.strip());
    }
}
