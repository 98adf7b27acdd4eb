package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.sync.outbound.ContactPlan.Ending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Contact changes of a drain round: linked contacts read and written per 200 under each field's mode;
 * unlinked ones found by email and linked, or created as Leads or Contacts.
 */
final class ContactWrites {

    private static final String NOT_PROVIDED = "[not provided]";

    private ContactWrites() {
    }

    /** Linked contacts, per 200: read Salesforce's values (one call), decide, write (one call). */
    static int linked(DrainRound round, String object, List<ContactPlan> plans, OutboundBatches.Loaded loaded,
                      Map<Long, Set<String>> changed) {
        int sent = 0;
        Map<String, String> mapped = round.mapped.on(object);
        for (int from = 0; from < plans.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ContactPlan> part = plans.subList(from, Math.min(plans.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            List<String> ids = part.stream().map(p -> loaded.contacts().get(p.contactId).salesforce().id().value()).toList();
            List<SalesforceRecord> current = round.gateway.retrieve(object, ids, List.copyOf(mapped.values()));
            List<RecordWrite> writes = new ArrayList<>();
            List<ContactPlan> writing = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                ContactPlan plan = part.get(i);
                Contact c = loaded.contacts().get(plan.contactId);
                plan.object = object;
                plan.salesforceId = ids.get(i);
                SalesforceRecord sf = current.get(i);
                if (sf == null) {
                    plan.deletedInSalesforce = true;
                    plan.end(Ending.SKIPPED, Outcome.DELETED, "the " + object + " is deleted in Salesforce: link cleared, not created again");
                    continue;
                }
                Map<String, Object> fields = decide(c, sf, changed.getOrDefault(plan.contactId, Set.of()), mapped, round.mapped, plan);
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "nothing to send");
                    continue;
                }
                if (round.refusedBeforeSending(plan, object, fields, false)) {
                    continue;
                }
                writes.add(RecordWrite.update(object, ids.get(i), fields));
                writing.add(plan);
            }
            sent += round.write(writes, writing, Outcome.UPDATED, p -> "sent");
            round.complete(object, started, round.callsSince(before), part);
        }
        return sent;
    }

    /**
     * Field by field under its mode, against the record just read: what to send (by Salesforce name).
     * Fields not sent are noted with why; fields Salesforce already holds become the base.
     */
    static Map<String, Object> decide(Contact c, SalesforceRecord sf, Set<String> changedFields, Map<String, String> mapped,
                                      MappedFields fields, ContactPlan plan) {
        Map<String, Object> send = new LinkedHashMap<>();
        Map<String, Object> sentView = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        Map<String, Contact.FieldState> states = c.states(changedFields);
        for (String name : changedFields) {
            String sfName = mapped.get(name);
            if (sfName == null) {
                if (!name.equals("email") && !name.equals("companyId")) {
                    skipped.put(name, "not mapped to a Salesforce field");
                } else {
                    skipped.put(name, name.equals("email") ? "the email is the match key: changed only in Salesforce"
                            : "company changes follow Accounts from Salesforce");
                }
                continue;
            }
            Contact.FieldState here = states.get(name);
            Object local = here.value();
            Object remote = asTandemHolds(fields, name, sf.fields().get(sfName));
            FieldSync.Decision d = FieldSync.outbound(fields.mode(name), new FieldSync.Side(local, here.changedAt()), here.base(),
                    new FieldSync.Side(remote, sf.lastModifiedDate()));
            if (d.conflict()) {
                conflicts.put(name, d.reason());
            }
            if (d.apply()) {
                send.put(sfName, local);
                sentView.put(name, local);
                plan.exchanged.put(name, local);
            } else {
                skipped.put(name, d.reason());
                if (FieldSync.same(local, remote)) {
                    plan.exchanged.put(name, local);
                }
            }
        }
        if (!sentView.isEmpty()) {
            plan.detail.put("sent", sentView);
        }
        if (!skipped.isEmpty()) {
            plan.detail.put("skipped", skipped);
        }
        if (!conflicts.isEmpty()) {
            plan.detail.put("conflicts", conflicts);
        }
        return send;
    }

    /** Salesforce's value as Tandem would hold it; as read when Tandem could not hold it (it then differs from any local value). */
    private static Object asTandemHolds(MappedFields fields, String name, Object salesforceValue) {
        try {
            return fields.toTandem(name, salesforceValue);
        } catch (InvalidValueException e) {
            return salesforceValue;
        }
    }

    /**
     * Contacts not linked yet, per 200: Contacts and open Leads with their emails (and, for new Contacts,
     * Accounts by domain) asked in one call; a contact found is linked, Contact before Lead; the rest are
     * created as Leads or Contacts per the settings (one call, after their Accounts).
     */
    static int unlinked(DrainRound round, List<ContactPlan> plans, OutboundBatches.Loaded loaded) {
        int sent = 0;
        boolean asContact = round.settings.values().createAs().equals("contact");
        for (int from = 0; from < plans.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ContactPlan> part = plans.subList(from, Math.min(plans.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            Map<String, ContactPlan> byEmail = new LinkedHashMap<>();
            for (ContactPlan p : part) {
                byEmail.put(loaded.contacts().get(p.contactId).email().key(), p);
            }
            SalesforceGateway.Matches matches = round.gateway.findMatches(byEmail.keySet(),
                    List.copyOf(round.mapped.on(SalesforceObjects.CONTACT).values()),
                    List.copyOf(round.mapped.on(SalesforceObjects.LEAD).values()),
                    asContact && round.settings.values().linkAccountsByDomain() ? AccountWrites.domainsToMatch(part, loaded) : Set.of());
            Map<String, SalesforceRecord> found = new HashMap<>();
            matches.contacts().forEach(r -> found.putIfAbsent(key(r), r));
            matches.leads().forEach(r -> found.putIfAbsent(key(r), r));
            List<RecordWrite> updates = new ArrayList<>();
            List<ContactPlan> updating = new ArrayList<>();
            List<ContactPlan> creating = new ArrayList<>();
            for (Map.Entry<String, ContactPlan> e : byEmail.entrySet()) {
                ContactPlan plan = e.getValue();
                Contact c = loaded.contacts().get(plan.contactId);
                SalesforceRecord match = found.get(e.getKey());
                if (match == null) {
                    creating.add(plan);
                    continue;
                }
                plan.object = match.object();
                plan.salesforceId = match.id();
                plan.linkTo = SalesforceId.of(match.id());
                Map<String, String> mapped = round.mapped.on(match.object());
                Map<String, Object> fields = decide(c, match, holdingValues(c, mapped), mapped, round.mapped, plan);
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "linked to the existing " + match.object() + " with this email; nothing to send");
                    continue;
                }
                if (round.refusedBeforeSending(plan, match.object(), fields, false)) {
                    continue;
                }
                updates.add(RecordWrite.update(match.object(), match.id(), fields));
                updating.add(plan);
            }
            Map<Long, String> accounts = asContact && !creating.isEmpty()
                    ? AccountWrites.forNewContacts(round, creating, loaded, matches.accounts()) : Map.of();
            List<RecordWrite> creates = new ArrayList<>();
            List<ContactPlan> sending = new ArrayList<>();
            for (ContactPlan plan : creating) {
                RecordWrite create = create(round, plan, loaded, asContact ? SalesforceObjects.CONTACT : SalesforceObjects.LEAD,
                        accounts.get(plan.contactId));
                if (!round.refusedBeforeSending(plan, create.object(), create.fields(), true)) {
                    creates.add(create);
                    sending.add(plan);
                }
            }
            sent += round.write(updates, updating, Outcome.UPDATED,
                    p -> "linked to the existing " + p.object + " with this email instead of creating a duplicate; sent");
            sent += round.write(creates, sending, Outcome.CREATED, p -> "created as a " + p.object
                    + (p.account == null ? "" : " of Account " + p.account.value()));
            round.complete("Contact", started, round.callsSince(before), part);
        }
        return sent;
    }

    /** A new Lead or Contact with the contact's values under their modes; a Contact under {@code account} when it has one. */
    private static RecordWrite create(DrainRound round, ContactPlan plan, OutboundBatches.Loaded loaded, String object, String account) {
        Contact c = loaded.contacts().get(plan.contactId);
        plan.object = object;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Email", c.email().address());
        Map<String, Object> sentView = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : round.mapped.on(object).entrySet()) {
            Object v = c.value(m.getKey());
            if (v != null && round.mapped.mode(m.getKey()).sendsValues()) {
                fields.put(m.getValue(), v);
                sentView.put(m.getKey(), v);
                plan.exchanged.put(m.getKey(), v);
            }
        }
        if (fields.get("LastName") == null) {
            fields.put("LastName", c.email().address().substring(0, c.email().address().indexOf('@')));
        }
        Company company = loaded.companies().get(c.companyId());
        if (object.equals(SalesforceObjects.LEAD)) {
            fields.put("Company", company == null ? NOT_PROVIDED : company.name());
        } else if (account != null) {
            fields.put("AccountId", account);
            plan.account = SalesforceId.of(account);
        }
        plan.detail.put("sent", sentView);
        return RecordWrite.create(object, fields);
    }

    /** The mapped fields holding a value here: what a first exchange with a found record decides on. */
    private static Set<String> holdingValues(Contact c, Map<String, String> mapped) {
        Set<String> names = new LinkedHashSet<>();
        c.states(mapped.keySet()).forEach((name, state) -> {
            if (!FieldSync.isEmpty(state.value())) {
                names.add(name);
            }
        });
        return names;
    }

    private static String key(SalesforceRecord r) {
        Object email = r.fields().get("Email");
        return email == null ? "" : email.toString().trim().toLowerCase(Locale.ROOT);
    }
}
