package io.identitybridge.signingkey.rotation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides the signing-key steps due at a moment: announce a successor {@code propagation} before the active key's
 * rotation time, activate it once it has been published that long, and remove a passive key after the retention.
 * A pure function of the realm's asymmetric signing keys; it never changes them, so a node that runs it late or twice
 * only finds fewer steps due.
 */
public final class KeySchedule {

    private KeySchedule() {
    }

    public static List<KeyStep> due(List<RealmKey> keys, RotationPolicy policy, long now) {
        List<KeyStep> steps = new ArrayList<>();
        for (RealmKey k : keys) {
            if (k.state() == KeyState.PASSIVE && !k.active() && now >= policy.nextStepAt(k)) {
                steps.add(new KeyStep.Remove(k));
            }
        }
        List<RealmKey> announced = keys.stream().filter(k -> k.state() == KeyState.ANNOUNCED && !k.active())
                .sorted(Comparator.comparingLong(RealmKey::priority).reversed()).toList();
        // Two announced keys only come from an interrupted step; the newer one is kept, the other never signed.
        announced.stream().skip(1).forEach(k -> steps.add(new KeyStep.Remove(k)));

        Optional<RealmKey> signing = keys.stream().filter(RealmKey::active).max(Comparator.comparingLong(RealmKey::priority));
        RealmKey current = signing.orElse(null);
        if (current != null && current.state() != KeyState.ACTIVE) {
            // The migrated certificate, Keycloak's generated key, or a key an operator made active by hand.
            steps.add(new KeyStep.Adopt(current));
            current = current.in(KeyState.ACTIVE, now);
        }

        if (!announced.isEmpty()) {
            RealmKey next = announced.get(0);
            if (now >= policy.nextStepAt(next)) {
                steps.add(new KeyStep.Activate(next, keys.stream().filter(RealmKey::active).toList()));
            }
        } else if (current == null || now >= policy.announceAt(current)) {
            long top = keys.stream().mapToLong(RealmKey::priority).max().orElse(0);
            steps.add(new KeyStep.Announce(policy.algorithm(), top + 1));
        }
        return List.copyOf(steps);
    }
}
