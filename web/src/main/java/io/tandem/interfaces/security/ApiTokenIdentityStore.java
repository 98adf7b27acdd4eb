package io.tandem.interfaces.security;

import io.tandem.application.ApiTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Validates API tokens; other credentials are the database identity store's. */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {

    @Inject
    ApiTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.authenticate(bearer.token())
                .map(id -> new CredentialValidationResult(id.name(), id.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
