package io.tandem.domain.model.user;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseWillDo() {
        assertEquals(Optional.empty(), PasswordPolicy.problem("grace", "copper kettle under rain"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("grace", "zq8-Lm4p-Tv2x"));
    }

    @Test
    void shortOrOverlongPasswordsAreRefused() {
        assertEquals(Optional.of("must be at least 12 characters"), PasswordPolicy.problem("grace", "Sh0rt!pass"));
        assertEquals(Optional.of("must be at least 12 characters"), PasswordPolicy.problem("grace", null));
        assertEquals(Optional.of("must be at most 128 characters"), PasswordPolicy.problem("grace", "x".repeat(129)));
    }

    @Test
    void theUserNameInsideThePasswordIsRefusedWhateverItsCase() {
        assertEquals(Optional.of("must not contain the user name"), PasswordPolicy.problem("grace", "AmazingGRACE2026"));
    }

    @Test
    void commonPasswordsAreRefusedWithDigitsAndSymbolsAroundThem() {
        for (String common : new String[] {"password1234", "Password2026!", "!!Welcome2026", "qwertyuiop12", "SALESFORCE123",
                "aaaaaaaaaaaa", "abababababab"}) {
            assertTrue(PasswordPolicy.problem("grace", common).orElse("").startsWith("is too common"), common);
        }
    }
}
