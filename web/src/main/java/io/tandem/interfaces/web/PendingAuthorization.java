package io.tandem.interfaces.web;

import io.tandem.application.SalesforceConnections;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The refresh-token flow between its two legs: the admin's browser is at Salesforce's consent page, and
 * the callback needs the sign-in it started, the app's secret (never written anywhere until the code is
 * redeemed; dropped after one callback) and the {@code state} that proves the callback answers this
 * sign-in and no other.
 */
@SessionScoped
public class PendingAuthorization implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SalesforceConnections.Authorization authorization;
    private String clientSecret;
    private String state;

    /** A fresh state for a new sign-in; the one before, if any, no longer completes. */
    String newState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        authorization = null;
        clientSecret = null;
        return state;
    }

    void started(SalesforceConnections.Authorization started, String secret) {
        authorization = started;
        clientSecret = secret;
    }

    /** The sign-in this callback's {@code state} belongs to, taken (it completes once); null when none does. */
    Taken take(String callbackState) {
        if (authorization == null || state == null || !state.equals(callbackState)) {
            return null;
        }
        Taken taken = new Taken(authorization, clientSecret);
        authorization = null;
        clientSecret = null;
        state = null;
        return taken;
    }

    record Taken(SalesforceConnections.Authorization authorization, String clientSecret) {
    }
}
