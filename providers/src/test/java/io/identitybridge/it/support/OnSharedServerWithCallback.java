package io.identitybridge.it.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A shared-server test whose apps sign users in: a redirect URI that lands on a real page, open for the class's tests.
 * Closing it raises a token check that failed on its thread.
 */
public abstract class OnSharedServerWithCallback extends OnSharedServer {

    public static CallbackServer callback;

    @BeforeAll
    public static void startCallback() {
        callback = CallbackServer.start();
    }

    @AfterAll
    public static void closeCallback() {
        if (callback != null) {
            callback.close();
        }
    }
}
