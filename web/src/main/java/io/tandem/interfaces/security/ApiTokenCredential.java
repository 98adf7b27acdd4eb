package io.tandem.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token from the Authorization header. */
public record ApiTokenCredential(String token) implements Credential {
}
