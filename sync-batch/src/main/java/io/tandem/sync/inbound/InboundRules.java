package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules of §4 that decide from a Salesforce record alone, or from it and the link its email's
 * contact already has: which people records are skipped, which record wins an email two records share,
 * and which received values Tandem can hold. Pure: the applier loads and stores, these decide.
 */
final class InboundRules {

    private InboundRules() {
    }

    /** A person record's email: the address, or why the record is skipped. */
    record Email(EmailAddress address, String skipReason) {
    }

    static Email email(SalesforceRecord r) {
        String raw = InboundPage.text(r, "Email");
        if (raw == null) {
            return new Email(null, "no email");
        }
        try {
            return new Email(EmailAddress.of(raw), null);
        } catch (InvalidValueException e) {
            return new Email(null, "invalid email \"" + raw + "\": " + e.getMessage());
        }
    }

    /** What a record does to the contact that has its email but is linked to another record: skip, or take it over. */
    record Claim(boolean takesOver, String reason) {
    }

    /**
     * One contact per email (§4): a Contact's data outranks a Lead's, so a Lead never takes a contact
     * linked to a Contact and a Contact always takes one linked to a Lead; between records of one object
     * the most recently modified wins.
     */
    static Claim claim(String object, SalesforceRecord r, SalesforceLink heldBy) {
        boolean lead = "Lead".equals(object);
        String held = heldBy.id().value();
        if (lead && heldBy.type() == SalesforceLink.Type.CONTACT) {
            return new Claim(false, "the email belongs to Salesforce Contact " + held + ", whose data takes priority");
        }
        if (!lead && heldBy.type() == SalesforceLink.Type.LEAD) {
            return new Claim(true, "Contact takes priority over Lead " + held + " with the same email");
        }
        if (heldBy.modifiedAt() != null && r.lastModifiedDate() != null && !r.lastModifiedDate().isAfter(heldBy.modifiedAt())) {
            return new Claim(false, "duplicate by email of " + object + " " + held + ", which was modified more recently");
        }
        return new Claim(true, "duplicate by email of " + object + " " + held + ": this one is the most recently modified");
    }

    /**
     * The mapped values received, by Tandem field, in Tandem's form; a value Tandem cannot hold (too long,
     * not a number, a picklist value not defined here) is left out and noted with why, and the rest of the
     * record applies.
     */
    static Map<String, Object> values(SalesforceRecord r, String object, MappedFields mapped, Map<String, Object> notes) {
        Map<String, String> on = mapped.on(object);
        Map<String, Object> values = new LinkedHashMap<>(2 * on.size());
        for (Map.Entry<String, String> m : on.entrySet()) {
            Object raw = r.fields().get(m.getValue());
            try {
                values.put(m.getKey(), mapped.toTandem(m.getKey(), raw));
            } catch (InvalidValueException e) {
                notes.put(m.getKey(), "not applied: " + e.getMessage());
            }
        }
        return values;
    }
}
