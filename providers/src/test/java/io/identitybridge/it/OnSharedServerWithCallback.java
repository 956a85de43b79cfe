package io.identitybridge.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A shared-server test whose apps sign users in: a redirect URI that lands on a real page, open for the class's tests.
 * Closing it raises a token check that failed on its thread.
 */
abstract class OnSharedServerWithCallback extends OnSharedServer {

    static CallbackServer callback;

    @BeforeAll
    static void startCallback() {
        callback = CallbackServer.start();
    }

    @AfterAll
    static void closeCallback() {
        if (callback != null) {
            callback.close();
        }
    }
}
