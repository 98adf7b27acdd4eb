package io.tandem.sync.backfill;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a backfill in one transaction: the field's values, as Salesforce gave them, applied to the
 * linked contacts under the field's mode (§3), exactly as the poll would apply a change of that field alone,
 * and the page logged with each record's outcome.
 */
@Stateless
public class FieldBackfills {

    @Inject
    FieldMappingRepository mappings;
    @Inject
    CustomFieldRepository customFields;
    @Inject
    ContactRepository contacts;
    @Inject
    SyncLog log;
    @Inject
    ApiLimits limits;

    /** The Salesforce name of the field on the object; the mapping must still name one there. */
    public String salesforceName(String field, String object) {
        String name = mapping(field).on(object).get(field);
        if (name == null) {
            throw new IllegalStateException(field + " is no longer mapped on " + object);
        }
        return name;
    }

    public boolean mappedOn(String field, String object) {
        return mappings.find(field).map(m -> MappedFields.of(List.of(m), List.of()).on(object).containsKey(field)).orElse(false);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    /**
     * Applies one page: {@code records} in the order of {@code ids} (null where Salesforce has none). With
     * {@code allLinked} every id is one a contact here was linked to when the page was made (a retrieve); a
     * Bulk page reads every record of the object, and those linked to no contact are left out quietly.
     */
    public void apply(String object, String field, List<String> ids, List<SalesforceRecord> records, Instant startedAt, int calls,
                      boolean allLinked) {
        MappedFields mapped = mapping(field);
        Map<String, Contact> linked = new HashMap<>();
        contacts.findBySalesforceIds(ids).forEach(c -> linked.put(c.salesforce().id().value(), c));
        List<RecordOutcome> outcomes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            SalesforceRecord r = i < records.size() ? records.get(i) : null;
            Contact c = linked.get(ids.get(i));
            if (c == null) {
                if (allLinked) {
                    outcomes.add(RecordOutcome.skipped(ids.get(i), null, "no longer linked here"));
                }
                continue;
            }
            if (r == null) {
                outcomes.add(RecordOutcome.skipped(ids.get(i), c.id(), "not found in Salesforce (deleted); the poll clears the link"));
                continue;
            }
            outcomes.add(apply(c, r, field, mapped));
        }
        log.write(new SyncLog.Batch("INBOUND", object, "backfill", startedAt, "COMPLETED", calls, "backfill of " + field), outcomes);
        limits.record(calls);
    }

    private static RecordOutcome apply(Contact c, SalesforceRecord r, String field, MappedFields mapped) {
        Map<String, Object> notes = new LinkedHashMap<>();
        Object value;
        try {
            value = mapped.toTandem(field, r.fields().get(mapped.on(r.object()).get(field)));
        } catch (InvalidValueException e) {
            notes.put(field, "not applied: " + e.getMessage());
            return new RecordOutcome(r.id(), c.id(), null, Outcome.SKIPPED, "a value Tandem cannot hold", notes);
        }
        Map<String, Object> values = new HashMap<>();
        values.put(field, value);
        Contact.InboundResult result = c.applyInbound(values, r.lastModifiedDate(), mapped::mode);
        if (!result.conflicts().isEmpty()) {
            notes.put("conflicts", result.conflicts());
        }
        if (result.changed().isEmpty()) {
            return new RecordOutcome(r.id(), c.id(), null, Outcome.UNCHANGED, "kept under the field's mode", notes);
        }
        notes.put("received", values);
        return new RecordOutcome(r.id(), c.id(), null, Outcome.UPDATED, "filled in", notes);
    }

    private MappedFields mapping(String field) {
        FieldMapping m = mappings.find(field).orElseThrow(() -> new IllegalStateException(field + " is no longer mapped"));
        return MappedFields.of(List.of(m), customFields.all());
    }

    /** The objects a contact field is backfilled from, in order. */
    public static List<String> objects() {
        return List.of(SalesforceObjects.LEAD, SalesforceObjects.CONTACT);
    }
}
