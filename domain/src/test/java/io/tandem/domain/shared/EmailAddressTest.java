package io.tandem.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    /** The RFC 5321 shape as regular expressions: the reference the character-by-character check must agree with. */
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");

    private static boolean valid(String email) {
        try {
            EmailAddress.of(email);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static boolean byPatterns(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || at > 64 || email.length() > 254 || !LOCAL.matcher(email.substring(0, at)).matches()) {
            return false;
        }
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void addressesOfTheUsualShapesAreAcceptedAndKeyedInLowerCase() {
        EmailAddress a = EmailAddress.of("  Ada.O'Brien+news@Mail.Example-Corp.co.uk ");
        assertEquals("Ada.O'Brien+news@Mail.Example-Corp.co.uk", a.address());
        assertEquals("ada.o'brien+news@mail.example-corp.co.uk", a.key());
        assertTrue(valid("x@a.io"));
        assertTrue(valid("{a}|b~c@x1.example"));
    }

    @Test
    void whatIsNotAnAddressIsRefusedSayingWhichPart() {
        assertEquals("has an invalid local part: .ada@x.example", assertThrows(InvalidValueException.class,
                () -> EmailAddress.of(".ada@x.example")).getMessage());
        assertEquals("has an invalid domain: ada@x..example", assertThrows(InvalidValueException.class,
                () -> EmailAddress.of("ada@x..example")).getMessage());
        for (String bad : new String[] {"ada..b@x.example", "ada.@x.example", "a b@x.example", "ada@x", "ada@x.", "ada@.x.example",
                "ada@x..example", "ada@-x.example", "ada@x-.example", "ada@x.e", "ada@x.1a", "ada@x.example-", "ada@x_y.example",
                "x".repeat(65) + "@x.example", "ada@" + "a".repeat(64) + ".example", "ada@x.exämple", "ädä@x.example"}) {
            assertEquals(false, valid(bad), bad);
        }
        assertTrue(valid("x".repeat(64) + "@" + "a".repeat(63) + ".example"), "64 and 63 characters are the most");
    }

    /** Random addresses from the characters that matter, at every position: the check and the patterns never disagree. */
    @Test
    void theCheckAgreesWithTheRfcPatternsOnAHundredThousandRandomAddresses() {
        Random random = new Random(17);
        int accepted = 0;
        for (int n = 0; n < 100_000; n++) {
            String email = part(random, "aaaaZZ0099.-_+'!~@ ä", 6) + "@" + part(random, "aaaaZZ0099.-", 5) + "." + part(random, "aaaZZ9.-", 3);
            boolean expected = byPatterns(email.trim());
            assertEquals(expected, valid(email), email);
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 5_000, accepted + " valid of 100,000: too few to compare");
    }

    private static String part(Random random, String alphabet, int most) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
