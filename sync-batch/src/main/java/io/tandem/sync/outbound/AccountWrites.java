package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.sync.outbound.ContactPlan.Ending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accounts in a drain round: company changes to the Accounts they are linked to, and the Accounts of new Contacts. */
final class AccountWrites {

    private AccountWrites() {
    }

    /**
     * Shared companies linked to an Account, per 200: the Account's name and website read (one call) and
     * what differs written (one call). A company without an Account gets one when one of its contacts is
     * created in Salesforce as a Contact (per the settings), not on its own.
     */
    static int write(DrainRound round, List<ContactPlan> plans) {
        if (plans.isEmpty()) {
            return 0;
        }
        if (!round.settings.writes(RecordType.COMPANY)) {
            round.complete(SalesforceObjects.ACCOUNT, Instant.now(), 0, plans.stream()
                    .map(p -> p.end(Ending.SKIPPED, Outcome.SKIPPED, "writing companies to Salesforce is off")).toList());
            return 0;
        }
        Map<Long, Company> found = round.batches.companies(plans.stream().map(p -> p.contactId).toList());
        List<ContactPlan> linked = new ArrayList<>();
        List<ContactPlan> other = new ArrayList<>();
        for (ContactPlan p : plans) {
            Company c = found.get(p.contactId);
            if (c == null) {
                other.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "the company no longer exists here"));
            } else if (c.account() == null) {
                other.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "not linked to an Account; one is made when a contact of it "
                        + "is created in Salesforce as a Contact"));
            } else {
                linked.add(p);
            }
        }
        if (!other.isEmpty()) {
            round.complete(SalesforceObjects.ACCOUNT, Instant.now(), 0, other);
        }
        int sent = 0;
        for (int from = 0; from < linked.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ContactPlan> part = linked.subList(from, Math.min(linked.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            List<String> ids = part.stream().map(p -> found.get(p.contactId).account().value()).toList();
            Map<String, String> mapped = round.mapped.on(SalesforceObjects.ACCOUNT);
            List<String> read = new ArrayList<>(List.of("Name", "Website"));
            read.addAll(mapped.values());
            List<SalesforceRecord> current = round.gateway.retrieve(SalesforceObjects.ACCOUNT, ids, read);
            List<RecordWrite> writes = new ArrayList<>();
            List<ContactPlan> writing = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                ContactPlan plan = part.get(i);
                Company c = found.get(plan.contactId);
                plan.object = SalesforceObjects.ACCOUNT;
                plan.salesforceId = ids.get(i);
                SalesforceRecord sf = current.get(i);
                if (sf == null) {
                    plan.end(Ending.SKIPPED, Outcome.SKIPPED, "the Account is deleted in Salesforce");
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                if (!c.name().equals(sf.fields().get("Name"))) {
                    fields.put("Name", c.name());
                }
                if (c.website() != null && !c.website().equals(sf.fields().get("Website"))) {
                    fields.put("Website", c.website());
                }
                fields.putAll(profile(round, c, sf, mapped));
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "the Account already has these values");
                    continue;
                }
                if (round.refusedBeforeSending(plan, SalesforceObjects.ACCOUNT, fields, false)) {
                    continue;
                }
                plan.detail.put("sent", new LinkedHashMap<>(fields));
                writes.add(RecordWrite.update(SalesforceObjects.ACCOUNT, ids.get(i), fields));
                writing.add(plan);
            }
            sent += round.write(writes, writing, Outcome.UPDATED, p -> "sent");
            round.complete(SalesforceObjects.ACCOUNT, started, round.callsSince(before), part);
        }
        return sent;
    }

    /**
     * The mapped company fields to send, under their modes, against the Account just read: Tandem's value
     * where the mode sends it and it differs (under the default only into a blank Account field).
     */
    private static Map<String, Object> profile(DrainRound round, Company c, SalesforceRecord sf, Map<String, String> mapped) {
        Map<String, Object> send = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mapped.entrySet()) {
            CompanyField field = CompanyField.byName(m.getKey());
            SyncMode mode = round.mapped.mode(m.getKey());
            if (field == null || !mode.sendsValues()) {
                continue;
            }
            Object local = c.value(field);
            Object remote = sf.fields().get(m.getValue());
            boolean goes = mode == SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY ? FieldSync.isEmpty(remote) && !FieldSync.isEmpty(local)
                    : !FieldSync.isEmpty(local) && !FieldSync.same(local, remote);
            if (goes) {
                send.put(m.getValue(), local);
            }
        }
        return send;
    }

    /** The email domains of new Contacts whose company has no Account yet (free mail never matches). */
    static Set<String> domainsToMatch(List<ContactPlan> part, OutboundBatches.Loaded loaded) {
        Set<String> domains = new LinkedHashSet<>();
        for (ContactPlan p : part) {
            Contact c = loaded.contacts().get(p.contactId);
            Company company = loaded.companies().get(c.companyId());
            if ((company == null || company.account() == null) && !c.email().isFreeMail()) {
                domains.add(c.email().domain());
            }
        }
        return domains;
    }

    /**
     * The Accounts of new Contacts, by contact id: the Account of the contact's company; else, with domain
     * matching on, an Account whose Website matches the email's domain; else, when creating Accounts is on,
     * a new one (one call for the batch) made per domain (matching on) or per company (matching off, so
     * the contacts of one company share it), named after the company. Free-mail contacts get none. The
     * companies link to these Accounts when the batch completes, so later contacts reuse them.
     */
    static Map<Long, String> forNewContacts(DrainRound round, List<ContactPlan> creating, OutboundBatches.Loaded loaded,
                                           List<SalesforceRecord> domainMatches) {
        SyncSettings.Values v = round.settings.values();
        Map<String, String> accountByDomain = new HashMap<>();
        for (SalesforceRecord a : domainMatches) {
            Object website = a.fields().get("Website");
            if (website != null) {
                accountByDomain.putIfAbsent(Company.domainOf(website.toString()), a.id());
            }
        }
        Map<Long, String> byContact = new HashMap<>();
        Map<String, List<Long>> needing = new LinkedHashMap<>();
        Map<String, Company> companyOf = new HashMap<>();
        for (ContactPlan p : creating) {
            Contact c = loaded.contacts().get(p.contactId);
            Company company = loaded.companies().get(c.companyId());
            if (company != null && company.account() != null) {
                byContact.put(c.id(), company.account().value());
            } else if (c.email().isFreeMail()) {
                continue;
            } else if (v.linkAccountsByDomain() && accountByDomain.containsKey(c.email().domain())) {
                byContact.put(c.id(), accountByDomain.get(c.email().domain()));
            } else if (v.createAccounts()) {
                String key = v.linkAccountsByDomain() || company == null ? c.email().domain() : "company " + company.id();
                needing.computeIfAbsent(key, k -> new ArrayList<>()).add(c.id());
                companyOf.putIfAbsent(key, company);
            }
        }
        if (needing.isEmpty()) {
            return byContact;
        }
        List<RecordWrite> creates = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : needing.entrySet()) {
            Company company = companyOf.get(e.getKey());
            String domain = loaded.contacts().get(e.getValue().get(0)).email().domain();
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("Name", company == null ? domain : company.name());
            account.put("Website", company == null || company.website() == null ? domain : company.website());
            if (company != null) {
                for (Map.Entry<String, String> m : round.mapped.on(SalesforceObjects.ACCOUNT).entrySet()) {
                    CompanyField field = CompanyField.byName(m.getKey());
                    if (field != null && round.mapped.mode(m.getKey()).sendsValues() && company.value(field) != null) {
                        account.put(m.getValue(), company.value(field));
                    }
                }
            }
            creates.add(RecordWrite.create(SalesforceObjects.ACCOUNT, account));
        }
        List<SalesforceGateway.SaveResult> results = round.gateway.save(creates);
        Map<Long, ContactPlan> plans = new HashMap<>();
        creating.forEach(p -> plans.put(p.contactId, p));
        int i = 0;
        for (List<Long> contacts : needing.values()) {
            SalesforceGateway.SaveResult r = results.get(i++);
            for (long id : contacts) {
                if (r.success()) {
                    byContact.put(id, r.id());
                } else {
                    plans.get(id).detail.put("account", "not created (" + r.errorCode() + ": " + r.message() + "): the Contact has none");
                }
            }
        }
        return byContact;
    }
}
