package io.tandem.domain.service;

import java.util.Optional;

/** The org Tandem is connected to, as the sync and the settings reach it. */
public interface SalesforceOrg {

    /** What "test connection" found, in plain words, with the org's API use when it could be read. */
    record Check(boolean ok, String message, Long apiRequestsUsed, Long apiRequestsMax) {
    }

    /** A connection given by the environment (client credentials), as settings may show it: never the secret. */
    record FromEnvironment(String loginUrl, String clientId, boolean secretSet) {
    }

    /** What the web-server flow's code bought: a refresh token, or what went wrong in plain words. */
    record Authorization(String refreshToken, String message) {
        public boolean ok() {
            return refreshToken != null;
        }
    }

    /** The gateway to the org in force, or empty when no connection is configured. */
    Optional<SalesforceGateway> gateway();

    /** The connection the environment gives, used when none is saved; empty when it gives none. */
    Optional<FromEnvironment> fromEnvironment();

    /** Logs in and reads the org's limits with the connection in force. */
    Check check();

    /**
     * The web-server flow's second leg: trades the code the org's consent page sent back (for the callback
     * {@code redirectUri}) for a refresh token of the connected app {@code clientId}.
     */
    Authorization redeemCode(String loginUrl, String clientId, String clientSecret, String code, String redirectUri);
}
