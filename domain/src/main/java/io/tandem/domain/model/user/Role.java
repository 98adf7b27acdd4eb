package io.tandem.domain.model.user;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do. Each role includes those below it: an admin is also an operator and a viewer,
 * so a check names the least role that suffices.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** The role names as the container sees them: this role and every role it includes. */
    public Set<Role> withIncluded() {
        return EnumSet.range(VIEWER, this);
    }

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String name) {
        if (name != null) {
            for (Role role : values()) {
                if (role.roleName().equalsIgnoreCase(name.trim())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of admin, operator, viewer");
    }
}
