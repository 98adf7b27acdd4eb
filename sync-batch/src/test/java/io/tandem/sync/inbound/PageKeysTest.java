package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PageKeysTest {

    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    private static SalesforceRecord lead(String id, String email, String master) {
        Map<String, Object> fields = new HashMap<>();
        if (email != null) {
            fields.put("Email", email);
        }
        return new SalesforceRecord("Lead", id, AT, AT, master != null, master, fields);
    }

    @Test
    void aPagesKeysAreItsIdsTheIdsItNamesAndItsEmailsAsContactsAreFoundByThem() {
        SalesforceRecord converted = lead("00Q1", " Ada@Example.COM ", null);
        converted.fields().put("ConvertedContactId", "0031");
        converted.fields().put("ConvertedAccountId", "0011");
        converted.fields().put("AccountId", "0012");
        assertEquals(Set.of("00Q1", "0031", "ada@example.com", "00Q9"),
                PageKeys.of(List.of(converted, lead("00Q9", null, null))), "Accounts are left out: only their ids are read");
    }

    @Test
    void nothingWaitsWhenThePagesShareNoKey() {
        assertArrayEquals(new boolean[] {false, false}, PageKeys.waiting(List.of(lead("00Q1", "a@x.example", null),
                lead("00Q2", "b@x.example", null)), Set.of()));
    }

    @Test
    void aRecordWaitsWithEveryRecordOfTheSamePersonWhereverItStandsInThePage() {
        List<SalesforceRecord> page = List.of(
                lead("00Q1", "b@x.example", null),          // shares b@ with the fourth, which waits: waits too
                lead("00Q2", "free@x.example", null),
                lead("00Q3", "shared@x.example", null),     // the key the page before has
                lead("00Q4", "b@x.example", "00Q3"),        // merged into the third
                lead("00Q5", "other@x.example", null));
        assertArrayEquals(new boolean[] {true, false, true, true, false}, PageKeys.waiting(page, Set.of("shared@x.example")));
    }

    @Test
    void aPageLooksUpOnlyTheKeysTheDatabaseHeldOrAPageBeforeNamedAndTheAccountsItsPeopleName() {
        KeysMet met = new KeysMet(1_000);
        met.add("held@x.example");
        SalesforceRecord contact = lead("0031", "Held@x.example", null);
        contact.fields().put("AccountId", "0011");
        List<SalesforceRecord> first = List.of(contact, lead("00Q1", "new@x.example", null));
        assertEquals(Set.of("0031", "0011", "00Q1", "new@x.example"), PageKeys.unseen(first, PageKeys.of(first), met));

        SalesforceRecord again = lead("0032", "new@x.example", null);
        again.fields().put("AccountId", "0011");
        List<SalesforceRecord> second = List.of(again, lead("00Q2", "other@x.example", null));
        assertEquals(Set.of("0032", "00Q2", "other@x.example"), PageKeys.unseen(second, PageKeys.of(second), met),
                "the email and the Account the first page named are looked up: it may have written them");
    }

    @Test
    void aDeletedRecordsKeysAreLookedUpEvenNeverMet() {
        List<SalesforceRecord> page = List.of(lead("00Q1", "gone@x.example", "00Q7"), lead("00Q2", "new@x.example", null));
        assertEquals(Set.of("00Q2", "new@x.example"), PageKeys.unseen(page, PageKeys.of(page), new KeysMet(1_000)));
    }
}
