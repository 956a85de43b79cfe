package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Limits;

import java.util.List;
import java.util.SortedMap;

import static io.identitybridge.seed.ClientFieldTable.BACK_CHANNEL_LOGOUT_SESSION;
import static io.identitybridge.seed.ClientFieldTable.BACK_CHANNEL_LOGOUT_URL;
import static io.identitybridge.seed.ClientFieldTable.FRONT_CHANNEL_LOGOUT;
import static io.identitybridge.seed.ClientFieldTable.FRONT_CHANNEL_LOGOUT_SESSION;
import static io.identitybridge.seed.ClientFieldTable.FRONT_CHANNEL_LOGOUT_URL;

/** IS4's logout properties of a client (front- and back-channel, post-logout redirects) as Keycloak's. */
final class LogoutReader {

    private LogoutReader() {
    }

    static void read(JsonBody in, SortedMap<String, String> state) {
        String uri = Uris.absoluteOrNull(in, "LogoutUri", Limits.ATTRIBUTE_URI);
        String frontChannel = Uris.absoluteOrNull(in, "FrontChannelLogoutUri", Limits.ATTRIBUTE_URI);
        if (uri != null && frontChannel != null && !uri.equals(frontChannel)) {
            in.error("FrontChannelLogoutUri", "differs from LogoutUri; give one of them");
        }
        String url = frontChannel != null ? frontChannel : uri;
        boolean legacy = in.bool("LogoutSessionRequired", true);
        boolean sessionRequired = in.bool("FrontChannelLogoutSessionRequired", true) && legacy;
        FRONT_CHANNEL_LOGOUT.put(state, url != null);
        FRONT_CHANNEL_LOGOUT_URL.put(state, url);
        FRONT_CHANNEL_LOGOUT_SESSION.put(state, String.valueOf(sessionRequired));
        BACK_CHANNEL_LOGOUT_URL.put(state, Uris.absoluteOrNull(in, "BackChannelLogoutUri", Limits.ATTRIBUTE_URI));
        BACK_CHANNEL_LOGOUT_SESSION.put(state, String.valueOf(in.bool("BackChannelLogoutSessionRequired", true)));
    }

    static String postLogout(List<String> uris) {
        // Keycloak reads an empty list as "all redirect URIs"; IS4 means "none", which Keycloak spells "-".
        return uris.isEmpty() ? "-" : String.join("##", uris);
    }
}
