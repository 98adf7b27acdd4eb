package io.tandem.infrastructure.salesforce;

/**
 * How to reach an org: the login host (My Domain for client credentials), the OAuth flow and its
 * secrets, the API version. Secrets never leave this object except towards Salesforce.
 */
public record SalesforceConnection(String loginUrl, Flow flow, String clientId, String clientSecret, String refreshToken,
                                   String username, String privateKeyPem, String apiVersion) {

    /** The server-to-server flows Tandem supports. */
    public enum Flow { CLIENT_CREDENTIALS, REFRESH_TOKEN, JWT_BEARER }

    public static SalesforceConnection clientCredentials(String loginUrl, String clientId, String secret) {
        return new SalesforceConnection(loginUrl, Flow.CLIENT_CREDENTIALS, clientId, secret, null, null, null, "v62.0");
    }

    @Override
    public String toString() {
        return "SalesforceConnection[" + loginUrl + ", " + flow + ", client " + clientId + "]";
    }
}
