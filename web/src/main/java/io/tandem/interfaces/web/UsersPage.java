package io.tandem.interfaces.web;

import io.tandem.application.ApiTokens;
import io.tandem.application.Users;
import io.tandem.interfaces.security.LoginThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;

/**
 * Users and API tokens (admins, §9): people with their role, enabled state and any sign-in lock; create
 * one, change a role, disable or enable, set a password. Tokens for scripts: issue one (its secret is shown
 * on this answer only), see who issued each and until when it lasts, revoke one. The services refuse
 * what the page does not offer (the last admin, a weak password) with the field and why.
 */
@Named
@RequestScoped
public class UsersPage {

    /** A user as a row shows it. */
    public static final class UserRow {
        private final Users.UserView user;
        private final Instant lockedUntil;
        private String role;
        private String password;

        UserRow(Users.UserView user, Instant lockedUntil) {
            this.user = user;
            this.lockedUntil = lockedUntil;
            this.role = user.role();
        }

        public String getName() {
            return user.name();
        }

        public boolean isEnabled() {
            return user.enabled();
        }

        public String getCreatedAt() {
            return Shown.time(user.createdAt());
        }

        public String getLockedUntil() {
            return lockedUntil == null ? "" : "locked until " + Shown.time(lockedUntil);
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getPassword() {
            return null;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** A token as a row shows it: never its secret. */
    public static final class TokenRow {
        private final ApiTokens.Summary token;

        TokenRow(ApiTokens.Summary token) {
            this.token = token;
        }

        public long getId() {
            return token.id();
        }

        public String getName() {
            return token.name();
        }

        public String getRole() {
            return token.role();
        }

        public String getCreatedBy() {
            return token.createdBy();
        }

        public String getCreatedAt() {
            return Shown.time(token.createdAt());
        }

        public String getState() {
            if (token.revokedAt() != null) {
                return "revoked " + Shown.time(token.revokedAt());
            }
            if (token.expiresAt() == null) {
                return "until revoked";
            }
            return (token.expiresAt().isBefore(Instant.now()) ? "expired " : "until ") + Shown.time(token.expiresAt());
        }

        public boolean isLive() {
            return token.revokedAt() == null && (token.expiresAt() == null || token.expiresAt().isAfter(Instant.now()));
        }
    }

    @Inject
    Users users;
    @Inject
    ApiTokens tokens;
    @Inject
    LoginThrottle throttle;
    @Inject
    FacesContext faces;

    private List<UserRow> userRows = List.of();
    private List<TokenRow> tokenRows = List.of();
    private long userTotal;
    private String newName;
    private String newPassword;
    private String newRole = "viewer";
    private String tokenName;
    private String tokenRole = "operator";
    private Integer tokenDays;
    private String issuedSecret;

    @PostConstruct
    void load() {
        if (faces.getExternalContext().isUserInRole("admin")) {
            var page = users.list(null, 200);
            userTotal = page.total();
            userRows = page.items().stream().map(u -> new UserRow(u, throttle.userLockedUntil(u.name()).orElse(null))).toList();
            tokenRows = tokens.list().stream().map(TokenRow::new).toList();
        }
    }

    public String create() {
        if (Messages.call("User " + newName + " created.", () -> users.create(newName, newPassword, newRole))) {
            newName = null;
            load();
        }
        return null;
    }

    public String saveRole(UserRow row) {
        if (Messages.call(row.getName() + " is now " + row.role + ".", () -> users.change(row.getName(), row.role, null))) {
            load();
        }
        return null;
    }

    public String toggle(UserRow row) {
        boolean enable = !row.isEnabled();
        if (Messages.call(row.getName() + (enable ? " may sign in again." : " may no longer sign in."), () -> users.change(row.getName(), null, enable))) {
            load();
        }
        return null;
    }

    public String setPassword(UserRow row) {
        Messages.call("The password of " + row.getName() + " is set.", () -> users.resetPassword(row.getName(), row.password));
        return null;
    }

    public String issue() {
        String by = faces.getExternalContext().getUserPrincipal().getName();
        ApiTokens.Issued issued = Messages.answer(() -> tokens.issue(tokenName, tokenRole, tokenDays, by));
        if (issued != null) {
            issuedSecret = issued.token();
            Messages.info("Token " + issued.name() + " issued: copy its secret now, it is not shown again.");
            tokenName = null;
            load();
        }
        return null;
    }

    public String revoke(TokenRow row) {
        if (Messages.call("Token " + row.getName() + " revoked: it no longer signs anything in.", () -> tokens.revoke(row.getId()))) {
            load();
        }
        return null;
    }

    public List<String> getRoles() {
        return List.of("viewer", "operator", "admin");
    }

    public List<UserRow> getUsers() {
        return userRows;
    }

    public long getUserTotal() {
        return userTotal;
    }

    public List<TokenRow> getTokens() {
        return tokenRows;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewRole() {
        return newRole;
    }

    public void setNewRole(String newRole) {
        this.newRole = newRole;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public String getTokenRole() {
        return tokenRole;
    }

    public void setTokenRole(String tokenRole) {
        this.tokenRole = tokenRole;
    }

    public Integer getTokenDays() {
        return tokenDays;
    }

    public void setTokenDays(Integer tokenDays) {
        this.tokenDays = tokenDays;
    }
}
