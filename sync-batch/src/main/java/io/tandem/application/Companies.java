package io.tandem.application;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Companies: create shared ones, read, list, rename, delete the empty ones. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Companies {

    /** A company as the API shows it. */
    public record CompanyDetails(long id, String name, String website, String domain, boolean standalone, String industry,
                                 BigDecimal annualRevenue, Integer employees, String salesforceAccountId, long contacts,
                                 Instant createdAt, Instant updatedAt) {
    }

    /** The profile fields a change may carry, by their names in the API. */
    public static final List<String> PROFILE = List.of("industry", "annualRevenue", "employees");

    @Inject
    CompanyRepository companies;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;

    @RolesAllowed(Roles.OPERATOR)
    public CompanyDetails create(String name, String website) {
        Instant now = Instant.now();
        Company company;
        try {
            company = Company.shared(name, website, now);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        companies.add(company);
        queue(company, Set.of("name", "website"), now);
        return details(company);
    }

    public CompanyDetails get(long id) {
        return details(require(id));
    }

    public Page<CompanyDetails> list(String name, String cursor, Integer limit) {
        int size = Cursors.limit(limit);
        String filter = name == null || name.isBlank() ? null : name.trim();
        List<Company> rows = companies.page(filter, Cursors.read(cursor), size + 1);
        List<Company> page = rows.subList(0, Math.min(size, rows.size()));
        Map<Long, Long> counts = contacts.countsInCompanies(page.stream().map(Company::id).toList());
        List<CompanyDetails> items = new ArrayList<>();
        for (Company c : page) {
            items.add(details(c, counts.getOrDefault(c.id(), 0L)));
        }
        return new Page<>(items, companies.count(filter), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    /**
     * Renames and/or changes the website and the profile (industry, annual revenue, employees: only the
     * fields given, a null one emptied); a null name or an absent website leaves that part as it is.
     */
    @RolesAllowed(Roles.OPERATOR)
    public CompanyDetails change(long id, String name, String website, boolean websitePresent, Map<String, Object> profile) {
        Company company = require(id);
        Instant now = Instant.now();
        Set<String> changed = new LinkedHashSet<>(List.of("name", "website"));
        try {
            if (name != null) {
                company.rename(name);
            }
            if (websitePresent) {
                company.changeWebsite(website);
            }
            profile.forEach((key, value) -> {
                CompanyField field = CompanyField.byName("company." + key);
                if (field != null && company.set(field, value)) {
                    changed.add(field.apiName());
                }
            });
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field().replaceFirst("^company\\.", ""), e.getMessage());
        }
        company.touch(now);
        queue(company, changed, now);
        return details(company);
    }

    /** Deletes a company no contact belongs to; with contacts, refuses (they would be left without one). */
    @RolesAllowed(Roles.OPERATOR)
    public void delete(long id) {
        Company company = require(id);
        long count = contacts.countInCompany(id);
        if (count > 0) {
            throw new ConflictException("id", "company " + id + " still has " + count + " contacts; move them first");
        }
        companies.remove(company);
    }

    private void queue(Company company, Set<String> fields, Instant now) {
        if (!company.isStandalone() && settings.current().writes(RecordType.COMPANY)) {
            outbox.enqueue(List.of(new OutboxEntry(RecordType.COMPANY, company.id(), OutboxEntry.Operation.UPSERT, fields, SystemSource.API, now)));
        }
    }

    private Company require(long id) {
        return companies.find(id).orElseThrow(() -> new UnknownRecordException("company", id));
    }

    private CompanyDetails details(Company c) {
        return details(c, contacts.countInCompany(c.id()));
    }

    private static CompanyDetails details(Company c, long contactCount) {
        return new CompanyDetails(c.id(), c.name(), c.website(), c.domain(), c.isStandalone(), (String) c.value(CompanyField.INDUSTRY),
                (BigDecimal) c.value(CompanyField.ANNUAL_REVENUE), (Integer) c.value(CompanyField.EMPLOYEES),
                c.account() == null ? null : c.account().value(), contactCount, c.createdAt(), c.updatedAt());
    }
}
