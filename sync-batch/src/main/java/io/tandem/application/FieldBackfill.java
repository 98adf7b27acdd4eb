package io.tandem.application;

import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.sync.backfill.BackfillPageReader;
import io.tandem.sync.backfill.FieldBackfills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Filling in a field mapped after its records were linked (§3): what it costs, said beforehand, and the
 * {@code field-backfill} job that does it.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class FieldBackfill {

    /** Linked records of one object from which a backfill reads it with a Bulk query rather than by id (50 retrieves). */
    static final long BULK_FROM = 100_000;
    private static final long BULK_PAGE = 25_000;

    @Inject
    FieldMappingRepository mappings;
    @Inject
    ContactRepository contacts;
    @Inject
    BatchJobs jobs;

    /**
     * What filling in a field mapped later costs: its linked records per object and the calls to read them
     * (one retrieve per {@value BackfillPageReader#PAGE} records, or a Bulk query from {@code bulkFrom}
     * linked records of an object, default {@value #BULK_FROM}); with {@code dryRun} false the
     * {@code field-backfill} job is started and its execution comes with the estimate.
     */
    @RolesAllowed(Roles.ADMIN)
    public Backfill backfill(String field, boolean dryRun, Long bulkFrom) {
        if (bulkFrom != null && bulkFrom < 1) {
            throw new InvalidRequestException("bulkFrom", "must be 1 or more");
        }
        long bulkAt = bulkFrom == null ? BULK_FROM : bulkFrom;
        FieldMapping m = mappings.find(field).orElseThrow(() -> new UnknownRecordException("field mapping", field));
        if (CompanyField.byName(field) != null) {
            throw new InvalidRequestException("field", "a backfill fills in contact fields; a company's fields come with the "
                    + "next change of its Account or a re-import");
        }
        if (!m.mode().readsValues()) {
            throw new ConflictException("mode", field + " is not synced (do_not_sync): nothing to fill in");
        }
        Map<String, Long> records = new LinkedHashMap<>();
        Map<String, String> reads = new LinkedHashMap<>();
        long calls = 0;
        for (String object : FieldBackfills.objects()) {
            String name = object.equals(SalesforceObjects.LEAD) ? m.leadField() : m.contactField();
            long n = name == null ? 0 : contacts.countLinked(SalesforceLink.Type.valueOf(object.toUpperCase(Locale.ROOT)));
            records.put(object, n);
            boolean bulk = n > 0 && n >= bulkAt;
            reads.put(object, bulk ? "bulk" : "retrieve");
            // a Bulk query: create, one status poll or more, a results page per 25,000 records, delete
            calls += bulk ? 3 + (n + BULK_PAGE - 1) / BULK_PAGE : (n + BackfillPageReader.PAGE - 1) / BackfillPageReader.PAGE;
        }
        BatchJobs.Execution execution = null;
        if (!dryRun) {
            Properties props = new Properties();
            props.setProperty("field", field);
            props.setProperty("leadRead", reads.get(SalesforceObjects.LEAD));
            props.setProperty("contactRead", reads.get(SalesforceObjects.CONTACT));
            execution = jobs.execution(BatchRuntime.getJobOperator().start("field-backfill", props));
        }
        return new Backfill(field, records, records.values().stream().mapToLong(Long::longValue).sum(), reads, calls,
                !reads.containsValue("bulk"), execution);
    }

    /**
     * A backfill's estimate, and its execution once started: per object the linked records and how they are
     * read ({@code retrieve} by id, or {@code bulk}), and the API calls: exact for retrieves, at least that
     * many with a Bulk query (its status polls vary, and it reads the object's unlinked records too).
     */
    public record Backfill(String field, Map<String, Long> records, long totalRecords, Map<String, String> reads, long apiCalls,
                           boolean exact, BatchJobs.Execution execution) {
    }
}
