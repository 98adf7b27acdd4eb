package io.tandem.domain.model.company;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The host a website names, which emails are matched on. */
class CompanyDomainTest {

    @Test
    void theHostWithoutSchemeWwwPortOrPath() {
        assertEquals("acme.example", Company.domainOf(" HTTPS://www.Acme.example:8443/about?x=1#top "));
        assertEquals("acme.example", Company.domainOf("acme.example/contact"));
        assertEquals("shop.acme.example", Company.domainOf("svn+ssh://shop.acme.example"));
        assertEquals("mailto", Company.domainOf("mailto:ann@acme.example"));
    }

    @Test
    void theSchemeIsCutWhereThePatternItReplacedCutIt() {
        String alphabet = "ab9+.-:/_Hé";
        Random random = new Random(5);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertEquals(text.replaceFirst("^[a-z][a-z0-9+.-]*://", ""), text.substring(Company.afterScheme(text)), text);
        }
    }
}
