package io.identitybridge.metrics;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/** Records what a transaction did once it is known whether it committed: a count never includes a write that rolled back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void record(KeycloakSession session, Runnable committed, Runnable rolledBack) {
        try {
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    committed.run();
                }

                @Override
                protected void rollbackImpl() {
                    rolledBack.run();
                }
            });
        } catch (RuntimeException e) {
            // No transaction to follow: the count is lost, the caller's work never fails for it.
        }
    }
}
