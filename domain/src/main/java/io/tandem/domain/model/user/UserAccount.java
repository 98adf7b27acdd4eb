package io.tandem.domain.model.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in. The roles table holds every role the account has, included ones too, because
 * the container's identity store reads it as it is.
 */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Role role, Instant createdAt) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("username must be 1-64 letters, digits or . _ @ -");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = createdAt;
        this.roles = EnumSet.copyOf(role.withIncluded());
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The highest role the account has. */
    public Role role() {
        return roles.stream().max(Enum::compareTo).orElse(Role.VIEWER);
    }

    public void changeRole(Role role) {
        roles.clear();
        roles.addAll(role.withIncluded());
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** A new password, already hashed and checked against the policy by the caller. */
    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
