package io.tandem.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Salesforce ids as Salesforce writes them: 15 characters, or 18 with the case checksum. */
class SalesforceIdTest {

    @Test
    void aFifteenCharacterIdGainsItsChecksum() {
        assertEquals("001D000000IqhSLIAZ", SalesforceId.of("001D000000IqhSL").value());
        assertEquals("003RO0000035WQgYAM", SalesforceId.of(" 003RO0000035WQg ").value());
    }

    @Test
    void anEighteenCharacterIdKeepsItsValueItsChecksumReadInAnyCase() {
        assertEquals("001D000000IqhSLIAZ", SalesforceId.of("001D000000IqhSLIAZ").value());
        assertEquals("001D000000IqhSLIAZ", SalesforceId.of("001D000000IqhSLiaz").value());
    }

    @Test
    void aWrongChecksumOrShapeIsRefusedWithTheReason() {
        assertTrue(assertThrows(InvalidValueException.class, () -> SalesforceId.of("001D000000IqhSLIAA")).getMessage().contains("checksum"));
        for (String bad : new String[] {null, "", "001D000000IqhS", "001D000000IqhSLI", "001D000000Iqh-L", "001D000000IqhSLIAZ1",
                "001D00000ÖIqhSL"}) {
            assertThrows(InvalidValueException.class, () -> SalesforceId.of(bad), String.valueOf(bad));
        }
    }

    @Test
    void theShapeCheckAgreesWithThePatternItReplaced() {
        Pattern shape = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
        String odd = "-_.é日";
        Random random = new Random(17);
        for (int n = 0; n < 100_000; n++) {
            int length = 13 + random.nextInt(8);
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                id.append(random.nextInt(30) == 0 ? odd.charAt(random.nextInt(odd.length())) : "aZ5".charAt(random.nextInt(3)));
            }
            String text = id.toString();
            boolean expected = shape.matcher(text).matches();
            if (expected && text.length() == 18) {
                text = SalesforceId.of(text.substring(0, 15)).value(); // the shape alone decides: a right checksum
            }
            boolean accepted;
            try {
                SalesforceId.of(text);
                accepted = true;
            } catch (InvalidValueException e) {
                accepted = false;
            }
            assertEquals(expected, accepted, text);
        }
    }
}
