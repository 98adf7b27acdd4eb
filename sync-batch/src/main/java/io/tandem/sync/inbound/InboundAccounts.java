package io.tandem.sync.inbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tandem.sync.inbound.InboundPage.blankToNull;
import static io.tandem.sync.inbound.InboundPage.nameOf;
import static io.tandem.sync.inbound.InboundPage.setWebsite;
import static io.tandem.sync.inbound.InboundPage.text;

/**
 * The rules for Accounts on an inbound page (§4): each Account is one shared company, its mapped company fields
 * applied under their sync modes and never over a fresher local change; a merged Account's contacts move to the
 * survivor's company. People are {@link InboundApplier}'s.
 */
final class InboundAccounts {

    private InboundAccounts() {
    }

    /** An Account: its shared company created, updated, re-linked after a merge or unlinked after a deletion. */
    static RecordOutcome apply(InboundPage page, SalesforceRecord r) {
        Company found = page.byAccount.get(r.id());
        Company company = found;
        if (r.deleted()) {
            if (company == null) {
                return RecordOutcome.skipped(r.id(), null, "deleted in Salesforce; no company here is linked to it");
            }
            String master = r.masterRecordId();
            if (master == null) {
                company.unlinkAccount();
                company.touch(page.now);
                page.byAccount.remove(r.id());
                return page.outcome(r, null, company, Outcome.DELETED, "Account deleted in Salesforce: the company stays, unlinked", Map.of());
            }
            Company survivor = page.byAccount.get(master);
            page.byAccount.remove(r.id());
            if (survivor == null || survivor == company) {
                company.linkAccount(SalesforceId.of(master));
                page.byAccount.put(master, company);
                return page.outcome(r, null, company, Outcome.UPDATED, "merged into Account " + master + ": re-linked", Map.of());
            }
            found.unlinkAccount();
            page.afterInsert.add(() -> {
                for (Contact c : page.contacts.findInCompany(found.id())) {
                    c.moveTo(survivor.id(), SystemSource.SALESFORCE, page.now);
                }
                page.companies.remove(found);
            });
            return page.outcome(r, null, survivor, Outcome.UPDATED, "merged into Account " + master
                    + ": its contacts moved to company " + survivor.id(), Map.of());
        }
        String name = nameOf(text(r, "Name"), r.id());
        String website = text(r, "Website");
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<CompanyField, Object> profile = companyValues(page, r, notes);
        if (company == null) {
            company = Company.shared(name, null, page.now);
            setWebsite(company, website, notes);
            Company created = company;
            profile.forEach(created::set);
            company.linkAccount(SalesforceId.of(r.id()));
            page.newRecords.identify(company);
            page.newCompanies.put(company.id(), company);
            page.known(company);
            return page.outcome(r, null, company, Outcome.CREATED, "new Account", notes);
        }
        Company known = company;
        boolean differs = !name.equals(company.name()) || !java.util.Objects.equals(blankToNull(website), company.website())
                || profile.entrySet().stream().anyMatch(e -> !FieldSync.same(e.getValue(), known.value(e.getKey())));
        if (differs && r.lastModifiedDate() != null && company.updatedAt() != null
                && r.lastModifiedDate().isBefore(company.updatedAt().truncatedTo(ChronoUnit.SECONDS))) {
            // a stale value never overwrites a fresher one: the company changed here after this Account version
            // was saved (in an earlier second: Salesforce stamps to the second), and that change is on its way out
            return page.outcome(r, null, company, Outcome.UNCHANGED, "the company changed here after the Account did; "
                    + "the local change goes to Salesforce", notes);
        }
        List<String> changed = new ArrayList<>();
        if (!name.equals(company.name())) {
            company.rename(name);
            changed.add("name");
        }
        if (!java.util.Objects.equals(blankToNull(website), company.website())) {
            setWebsite(company, website, notes);
            changed.add("website");
        }
        for (Map.Entry<CompanyField, Object> e : profile.entrySet()) {
            if (company.set(e.getKey(), e.getValue())) {
                changed.add(e.getKey().apiName());
            }
        }
        if (changed.isEmpty()) {
            return page.outcome(r, null, company, Outcome.UNCHANGED, "no mapped field changed", notes);
        }
        // stamped with the Account's own time, so a later edit there (read by a later poll) is never taken for stale
        company.touch(r.lastModifiedDate() == null ? page.now : r.lastModifiedDate());
        notes.put("changed", changed);
        return page.outcome(r, null, company, Outcome.UPDATED, "Account changed", notes);
    }

    /**
     * The mapped company fields an Account brings, under their modes: Salesforce's value where the mode takes
     * it (a blank one only under "always prefer Salesforce"), nothing where Tandem's is preferred and set; a
     * value Tandem cannot hold is noted and left out.
     */
    private static Map<CompanyField, Object> companyValues(InboundPage page, SalesforceRecord r, Map<String, Object> notes) {
        Map<CompanyField, Object> values = new LinkedHashMap<>();
        Company company = page.byAccount.get(r.id());
        for (Map.Entry<String, String> m : page.mapped.on(SalesforceObjects.ACCOUNT).entrySet()) {
            CompanyField field = CompanyField.byName(m.getKey());
            if (field == null) {
                continue;
            }
            Object value;
            try {
                value = field.normalize(r.fields().get(m.getValue()));
            } catch (InvalidValueException e) {
                notes.put(field.apiName(), "not applied: " + e.getMessage());
                continue;
            }
            Object local = company == null ? null : company.value(field);
            boolean take = switch (page.mapped.mode(m.getKey())) {
                case ALWAYS_SALESFORCE -> true;
                case ALWAYS_TANDEM -> FieldSync.isEmpty(local);
                case DO_NOT_SYNC -> false;
                default -> !FieldSync.isEmpty(value);
            };
            if (take) {
                values.put(field, value);
            }
        }
        return values;
    }
}
