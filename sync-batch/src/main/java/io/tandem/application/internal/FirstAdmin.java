package io.tandem.application.internal;

import io.tandem.domain.model.user.Role;
import io.tandem.domain.model.user.UserAccount;
import io.tandem.domain.model.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import io.tandem.application.Passwords;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the user {@code admin} on the first start: with {@code TANDEM_ADMIN_PASSWORD}, or with a
 * random password logged once (./tandem run passes its own, which it prints). Never changes an
 * existing admin.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "tandem.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void createWhenMissing() {
        if (users.exists("admin")) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::randomPassword);
        users.add(new UserAccount("admin", passwords.hash(password), Role.ADMIN, Instant.now()));
        if (configuredPassword.isEmpty()) {
            LOG.warning("Created the user admin with the generated password " + password
                    + " (stored hashed; set TANDEM_ADMIN_PASSWORD to choose it)");
        } else {
            LOG.info("Created the user admin with the password from TANDEM_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
