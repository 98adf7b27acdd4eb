package io.tandem.sync.inbound;

import io.tandem.domain.model.opportunity.Opportunity;
import io.tandem.domain.model.opportunity.OpportunityRepository;
import io.tandem.domain.model.opportunity.OpportunityRole;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tandem.sync.inbound.InboundPage.isTrue;
import static io.tandem.sync.inbound.InboundPage.text;

/**
 * Opportunities and OpportunityContactRoles the import or the poll read (§7), in the caller's transaction:
 * kept as Salesforce has them (read-only here), gone when deleted there; an opportunity moved to another
 * Account moves with it, so it leaves the contacts of the one before.
 */
@Dependent
public class OpportunityChanges {

    @Inject
    OpportunityRepository opportunities;

    public List<RecordOutcome> apply(String object, List<SalesforceRecord> records) {
        return SalesforceObjects.OPPORTUNITY.equals(object) ? opportunities(records) : roles(records);
    }

    private List<RecordOutcome> opportunities(List<SalesforceRecord> records) {
        Map<String, Opportunity> known = new HashMap<>();
        opportunities.findAll(records.stream().map(SalesforceRecord::id).toList()).forEach(o -> known.put(o.id(), o));
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        for (SalesforceRecord r : records) {
            Opportunity o = known.get(r.id());
            if (r.deleted()) {
                if (o != null) {
                    opportunities.remove(o);
                    known.remove(r.id());
                }
                outcomes.add(outcome(r, o == null ? Outcome.UNCHANGED : Outcome.DELETED, o == null ? "not kept here" : "deleted in Salesforce"));
                continue;
            }
            boolean created = o == null;
            if (created) {
                o = new Opportunity(r.id());
            }
            String accountBefore = created ? null : o.accountId();
            boolean changed = o.seen(text(r, "AccountId"), text(r, "Name"), text(r, "StageName"), amount(r.fields().get("Amount")),
                    date(text(r, "CloseDate")), isTrue(r.fields().get("IsClosed")), isTrue(r.fields().get("IsWon")), r.lastModifiedDate());
            if (created) {
                opportunities.add(o);
                known.put(r.id(), o);
            }
            String moved = !created && !java.util.Objects.equals(accountBefore, o.accountId()) ? "; moved from Account " + accountBefore : "";
            outcomes.add(outcome(r, created ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                    o.name() + " (" + o.stage() + ")" + moved));
        }
        return outcomes;
    }

    private List<RecordOutcome> roles(List<SalesforceRecord> records) {
        Map<String, OpportunityRole> known = new HashMap<>();
        opportunities.findRoles(records.stream().map(SalesforceRecord::id).toList()).forEach(o -> known.put(o.id(), o));
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        for (SalesforceRecord r : records) {
            OpportunityRole role = known.get(r.id());
            if (r.deleted()) {
                if (role != null) {
                    opportunities.remove(role);
                    known.remove(r.id());
                }
                outcomes.add(outcome(r, role == null ? Outcome.UNCHANGED : Outcome.DELETED, role == null ? "not kept here" : "deleted in Salesforce"));
                continue;
            }
            boolean created = role == null;
            if (created) {
                role = new OpportunityRole(r.id());
                known.put(r.id(), role);
            }
            role.seen(text(r, "OpportunityId"), text(r, "ContactId"), text(r, "Role"), isTrue(r.fields().get("IsPrimary")));
            if (created) {
                opportunities.add(role);
            }
            outcomes.add(outcome(r, created ? Outcome.CREATED : Outcome.UPDATED, "Contact " + role.contactId() + " as "
                    + (role.role() == null ? "a contact" : role.role()) + " of " + role.opportunityId()));
        }
        return outcomes;
    }

    private static RecordOutcome outcome(SalesforceRecord r, Outcome outcome, String reason) {
        return new RecordOutcome(r.id(), null, null, outcome, reason, Map.of());
    }

    private static BigDecimal amount(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
