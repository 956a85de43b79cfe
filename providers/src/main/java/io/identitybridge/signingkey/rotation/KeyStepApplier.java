package io.identitybridge.signingkey.rotation;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.keys.GeneratedEcdsaKeyProviderFactory;
import org.keycloak.keys.GeneratedRsaKeyProviderFactory;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Writes one step into the realm. New keys are Keycloak's own generated key components, stored as Keycloak stores
 * them; the step only adds the schedule's two config entries and flips {@code active}.
 */
public final class KeyStepApplier {

    private KeyStepApplier() {
    }

    /** The kid of the key the step touched, for the log line. */
    public static String apply(KeycloakSession session, RealmModel realm, KeyStep step, long now) {
        return step.handle(new Apply(session, realm, now));
    }

    private record Apply(KeycloakSession session, RealmModel realm, long now) implements KeyStep.Handler<String> {

        @Override
        public String adopt(KeyStep.Adopt step) {
            mark(realm, step.key().id(), KeyState.ACTIVE, now, null);
            return step.key().kid();
        }

        @Override
        public String announce(KeyStep.Announce step) {
            return KeyStepApplier.announce(session, realm, step, now);
        }

        @Override
        public String activate(KeyStep.Activate step) {
            for (RealmKey old : step.passivated()) {
                mark(realm, old.id(), KeyState.PASSIVE, now, false);
            }
            mark(realm, step.key().id(), KeyState.ACTIVE, now, true);
            // Tokens are signed with the realm's default algorithm; a key of another one would never sign.
            realm.setDefaultSignatureAlgorithm(step.key().algorithm());
            return step.key().kid();
        }

        @Override
        public String remove(KeyStep.Remove step) {
            ComponentModel c = realm.getComponent(step.key().id());
            if (c != null) {
                realm.removeComponent(c);
            }
            return step.key().kid();
        }
    }

    private static void mark(RealmModel realm, String id, KeyState state, long now, Boolean active) {
        ComponentModel c = realm.getComponent(id);
        if (c == null) {
            return;
        }
        c.put(RealmKeys.STATE, state.stored());
        c.put(RealmKeys.SINCE, String.valueOf(now));
        if (active != null) {
            c.put("active", active);
        }
        realm.updateComponent(c);
    }

    private static String announce(KeycloakSession session, RealmModel realm, KeyStep.Announce step, long now) {
        boolean ec = step.algorithm().startsWith("ES");
        ComponentModel c = new ComponentModel();
        c.setName("identity-bridge-rotated-" + step.algorithm() + "-" + now);
        c.setParentId(realm.getId());
        c.setProviderId(ec ? GeneratedEcdsaKeyProviderFactory.ID : GeneratedRsaKeyProviderFactory.ID);
        c.setProviderType(KeyProvider.class.getName());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("priority", String.valueOf(step.priority()));
        config.putSingle("enabled", "true");
        config.putSingle("active", "false");
        if (ec) {
            config.putSingle(GeneratedEcdsaKeyProviderFactory.ECDSA_ELLIPTIC_CURVE_KEY,
                    GeneratedEcdsaKeyProviderFactory.convertJWSAlgorithmToECDomainParmNistRep(step.algorithm()));
        } else {
            config.putSingle("algorithm", step.algorithm());
            config.putSingle("keySize", "2048");
        }
        config.putSingle(RealmKeys.STATE, KeyState.ANNOUNCED.stored());
        config.putSingle(RealmKeys.SINCE, String.valueOf(now));
        c.setConfig(config);
        ComponentModel added = realm.addComponentModel(c);
        // Keycloak derives a generated key's kid from its public key; the provider knows it.
        KeyProvider provider = session.getProvider(KeyProvider.class, added);
        return provider.getKeysStream().map(k -> k.getKid()).findFirst().orElse(added.getId());
    }
}
