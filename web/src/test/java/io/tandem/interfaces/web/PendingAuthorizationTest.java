package io.tandem.interfaces.web;

import io.tandem.application.SalesforceConnections;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The refresh-token flow between its legs: only the state of this session's latest sign-in completes it, once. */
class PendingAuthorizationTest {

    private static final SalesforceConnections.Authorization SIGN_IN = new SalesforceConnections.Authorization(
            "https://login.salesforce.com/services/oauth2/authorize?…", "https://login.salesforce.com", "app", "https://tandem/cb", "v62.0");

    @Test
    void theCallbackOfTheLatestSignInCompletesItOnce() {
        PendingAuthorization pending = new PendingAuthorization();
        String first = pending.newState();
        String second = pending.newState();
        assertNotEquals(first, second);
        pending.started(SIGN_IN, "secret");
        assertNull(pending.take(first), "a sign-in started over: the earlier one's callback completes nothing");
        assertNull(pending.take(null));
        PendingAuthorization.Taken taken = pending.take(second);
        assertEquals(SIGN_IN, taken.authorization());
        assertEquals("secret", taken.clientSecret());
        assertNull(pending.take(second), "a replayed callback completes nothing");
    }

    @Test
    void noSignInStartedNothingCompletes() {
        PendingAuthorization pending = new PendingAuthorization();
        String state = pending.newState();
        assertNull(pending.take(state), "the state alone, without a sign-in started, is nothing");
    }
}
