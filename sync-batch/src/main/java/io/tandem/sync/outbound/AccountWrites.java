package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
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
import java.util.List;
import java.util.Map;

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
            List<SalesforceRecord> current = round.gateway.retrieve(SalesforceObjects.ACCOUNT, ids, List.of("Name", "Website"));
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
                if (fields.isEmpty()) {
                    plan.end(Ending.SENT, Outcome.UNCHANGED, "the Account already has these values");
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
     * For new Contacts: the Account of the contact's company, else one whose website matches the email's
     * domain (when allowed), else a new one (when allowed). Free-mail domains never match or make one.
     */
    static Map<String, String> forNewContacts(DrainRound round, List<ContactPlan> part, OutboundBatches.Loaded loaded) {
        Map<String, String> byEmail = new HashMap<>();
        Map<String, List<String>> emailsByDomain = new LinkedHashMap<>();
        for (ContactPlan p : part) {
            Contact c = loaded.contacts().get(p.contactId);
            Company company = loaded.companies().get(c.companyId());
            if (company != null && company.account() != null) {
                byEmail.put(c.email().key(), company.account().value());
            } else if (!c.email().isFreeMail()) {
                emailsByDomain.computeIfAbsent(c.email().domain(), d -> new ArrayList<>()).add(c.email().key());
            }
        }
        if (emailsByDomain.isEmpty()) {
            return byEmail;
        }
        SyncSettings.Values v = round.settings.values();
        Map<String, String> accountByDomain = new HashMap<>();
        if (v.linkAccountsByDomain()) {
            for (SalesforceRecord a : round.gateway.accountsByDomain(emailsByDomain.keySet())) {
                Object website = a.fields().get("Website");
                if (website != null) {
                    accountByDomain.putIfAbsent(Company.domainOf(website.toString()), a.id());
                }
            }
        }
        if (v.createAccounts()) {
            List<String> missing = emailsByDomain.keySet().stream().filter(d -> !accountByDomain.containsKey(d)).toList();
            if (!missing.isEmpty()) {
                List<RecordWrite> creates = new ArrayList<>();
                for (String d : missing) {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("Name", d);
                    account.put("Website", d);
                    creates.add(RecordWrite.create(SalesforceObjects.ACCOUNT, account));
                }
                List<SalesforceGateway.SaveResult> results = round.gateway.save(creates);
                for (int i = 0; i < missing.size(); i++) {
                    if (results.get(i).success()) {
                        accountByDomain.put(missing.get(i), results.get(i).id());
                    }
                }
            }
        }
        emailsByDomain.forEach((domain, emails) -> {
            String account = accountByDomain.get(domain);
            if (account != null) {
                emails.forEach(e -> byEmail.put(e, account));
            }
        });
        return byEmail;
    }
}
