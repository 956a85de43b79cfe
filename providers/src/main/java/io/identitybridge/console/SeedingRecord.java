package io.identitybridge.console;

import io.identitybridge.vocabulary.ConsoleWrites;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Keeps the last seeding result of a realm as the one component of the seeding page, in the seeding transaction (so a
 * rolled-back seeding leaves the previous result). Nothing is written when the declarative-ui feature is off.
 */
public final class SeedingRecord {

    static final String NAME = "last seeding";
    private static final int MAX_SHOWN = 50;

    private SeedingRecord() {
    }

    /** @param problems the seeding problems as the log prints them; they name fields, never secret values */
    public static void record(KeycloakSession session, RealmModel realm, String source, String result, List<String> problems) {
        if (session.getKeycloakSessionFactory().getProviderFactory(UiPageProvider.class, SeedingPageFactory.PROVIDER_ID) == null) {
            return;
        }
        ComponentModel c = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(m -> SeedingPageFactory.PROVIDER_ID.equals(m.getProviderId())).findFirst().orElse(null);
        boolean create = c == null;
        if (create) {
            c = new ComponentModel();
            c.setParentId(realm.getId());
            c.setProviderType(UiPageProvider.class.getName());
            c.setProviderId(SeedingPageFactory.PROVIDER_ID);
            c.setName(NAME);
        }
        c.put(SeedingPageFactory.WHEN, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        c.put(SeedingPageFactory.SOURCE, source);
        c.put(SeedingPageFactory.RESULT, result);
        c.put(SeedingPageFactory.PROBLEMS, String.valueOf(problems.size()));
        List<String> shown = problems.stream().limit(MAX_SHOWN).toList();
        String details = String.join("\n", shown) + (problems.size() > MAX_SHOWN ? "\n(" + (problems.size() - MAX_SHOWN) + " more in the server log)" : "");
        // Kept well under the 4000 characters every database's COMPONENT_CONFIG.VALUE holds.
        c.put(SeedingPageFactory.DETAILS, details.isEmpty() ? "none" : details.length() > 3900 ? details.substring(0, 3900) + "…" : details);
        ComponentModel model = c;
        ConsoleWrites.ours(session, () -> {
            if (create) {
                realm.addComponentModel(model);
            } else {
                realm.updateComponent(model);
            }
            return null;
        });
    }
}
