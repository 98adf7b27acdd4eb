package io.tandem.domain;

import io.tandem.domain.model.user.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoleTest {

    @Test
    void eachRoleIncludesTheOnesBelow() {
        assertEquals(EnumSet.allOf(Role.class), Role.ADMIN.withIncluded());
        assertEquals(EnumSet.of(Role.VIEWER, Role.OPERATOR), Role.OPERATOR.withIncluded());
        assertEquals(EnumSet.of(Role.VIEWER), Role.VIEWER.withIncluded());
    }

    @Test
    void parsesRoleNamesCaseInsensitively() {
        assertEquals(Role.OPERATOR, Role.parse(" Operator "));
        assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
        assertThrows(IllegalArgumentException.class, () -> Role.parse(null));
    }
}
