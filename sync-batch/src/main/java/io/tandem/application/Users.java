package io.tandem.application;

import io.tandem.domain.model.user.PasswordPolicy;
import io.tandem.domain.model.user.Role;
import io.tandem.domain.model.user.UserAccount;
import io.tandem.domain.model.user.UserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * The people who sign in: admins create them with a role, change the role, disable them and set a new
 * password; everyone changes their own. Passwords follow {@link PasswordPolicy}; the last enabled admin
 * can be neither disabled nor demoted, so Tandem always has someone who can administer it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Users {

    static final int LARGEST_PAGE = 200;

    /** An account as listed; never its password hash. */
    public record UserView(String name, String role, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.role().roleName(), u.isEnabled(), u.createdAt());
        }
    }

    @Inject
    UserRepository users;
    @Inject
    Passwords passwords;
    @Inject
    SignInCache signIns;

    /** By name; {@code after} is the last name of the page before. */
    public Page<UserView> list(String after, int limit) {
        int size = Math.max(1, Math.min(limit, LARGEST_PAGE));
        List<UserAccount> found = users.users(after, size + 1);
        List<UserView> items = found.stream().limit(size).map(UserView::of).toList();
        return new Page<>(items, users.countUsers(), found.size() > size ? items.get(size - 1).name() : null);
    }

    public UserView get(String name) {
        return UserView.of(require(name));
    }

    public UserView create(String name, String password, String role) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}") || name.equals("me")) {
            throw new InvalidRequestException("name", "must be 1 to 64 letters, digits or . _ @ - (and not \"me\")");
        }
        if (users.exists(name)) {
            throw new ConflictException("name", "a user named " + name + " exists");
        }
        Role parsed = role(role);
        checkPolicy(name, password);
        UserAccount user = new UserAccount(name, passwords.hash(password), parsed, Instant.now());
        users.add(user);
        return UserView.of(user);
    }

    /** A new role and/or enabled state; null leaves either as it is. */
    public UserView change(String name, String role, Boolean enabled) {
        UserAccount user = require(name);
        boolean wasAdmin = user.isEnabled() && user.role() == Role.ADMIN;
        if (role != null) {
            user.changeRole(role(role));
        }
        if (enabled != null) {
            user.enable(enabled);
        }
        boolean isAdmin = user.isEnabled() && user.role() == Role.ADMIN;
        if (wasAdmin && !isAdmin && users.countEnabledAdmins() <= 1) {
            throw new ConflictException(role != null ? "role" : "enabled", name + " is the last enabled admin; make another admin first");
        }
        signIns.clear();
        return UserView.of(user);
    }

    public UserView resetPassword(String name, String password) {
        UserAccount user = require(name);
        checkPolicy(name, password);
        user.changePassword(passwords.hash(password));
        signIns.clear();
        return UserView.of(user);
    }

    /** The caller's own password, proved by the current one. */
    @RolesAllowed(Roles.VIEWER)
    public void changeOwnPassword(String caller, String current, String password) {
        UserAccount user = users.user(caller).orElseThrow(() -> new InvalidRequestException("user",
                "only people who sign in with a password have one to change (API tokens do not)"));
        if (!passwords.matches(current, user.passwordHash())) {
            throw new InvalidRequestException("currentPassword", "is not the current password");
        }
        checkPolicy(caller, password);
        user.changePassword(passwords.hash(password));
        signIns.clear();
    }

    private UserAccount require(String name) {
        return users.user(name).orElseThrow(() -> new UnknownRecordException("user", name));
    }

    private static Role role(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", e.getMessage());
        }
    }

    private static void checkPolicy(String name, String password) {
        PasswordPolicy.problem(name, password).ifPresent(p -> {
            throw new InvalidRequestException("password", p);
        });
    }
}
