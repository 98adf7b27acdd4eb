package io.tandem.domain.model.user;

import java.util.List;
import java.util.Optional;

/** Where user accounts and API tokens are kept. */
public interface UserRepository {

    boolean exists(String username);

    void add(UserAccount user);

    Optional<UserAccount> user(String username);

    /** Accounts ordered by name, after {@code afterName} (null: from the first). */
    List<UserAccount> users(String afterName, int limit);

    long countUsers();

    long countEnabledAdmins();

    void add(ApiToken token);

    Optional<ApiToken> tokenByHash(String tokenHash);

    Optional<ApiToken> token(long id);

    List<ApiToken> tokens();
}
