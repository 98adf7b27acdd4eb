package io.tandem.domain.model.campaign;

import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A marketing campaign of one type; linked, or not, to one Salesforce campaign, whose name and active flag as
 * Salesforce last gave them are kept beside Tandem's own (a campaign renamed or deactivated there shows here).
 */
@Entity
@Table(name = "campaigns")
public class Campaign {

    public static final int MAX_NAME = 80;

    /** Where the campaign stands, as Salesforce's Campaign.Status has it. */
    public enum Status {
        PLANNED("Planned"), IN_PROGRESS("In Progress"), COMPLETED("Completed"), ABORTED("Aborted");

        private final String salesforce;

        Status(String salesforce) {
            this.salesforce = salesforce;
        }

        public String salesforceValue() {
            return salesforce;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String s) {
            return Arrays.stream(values()).filter(v -> v.code().equalsIgnoreCase(s == null ? "" : s.trim())).findFirst()
                    .orElseThrow(() -> new InvalidValueException("status", "must be one of planned, in_progress, completed, aborted"));
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "type_id", nullable = false)
    private long typeId;

    @Column(nullable = false, length = 16)
    private String status;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "sf_campaign_id", length = 18))
    private SalesforceId salesforce;

    @Column(name = "sf_name", length = MAX_NAME)
    private String salesforceName;

    @Column(name = "sf_active")
    private Boolean salesforceActive;

    @Column(name = "sf_link_execution")
    private Long linkExecution;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Campaign() {
    }

    public Campaign(String name, long typeId, Instant at) {
        rename(name, at);
        this.typeId = typeId;
        this.status = Status.PLANNED.name();
        this.createdAt = at;
    }

    public void rename(String newName, Instant at) {
        if (newName == null || newName.isBlank() || newName.trim().length() > MAX_NAME) {
            throw new InvalidValueException("name", "is required, at most " + MAX_NAME + " characters (Salesforce's limit)");
        }
        name = newName.trim();
        updatedAt = at;
    }

    public void changeStatus(Status next, Instant at) {
        status = next.name();
        updatedAt = at;
    }

    /** Linked to a Salesforce campaign, with its name and active flag as read. */
    public void linkTo(SalesforceId campaign, String nameThere, boolean active, Instant at) {
        salesforce = campaign;
        seenInSalesforce(nameThere, active);
        updatedAt = at;
    }

    /** What Salesforce last said of the linked campaign. */
    public void seenInSalesforce(String nameThere, boolean active) {
        salesforceName = nameThere;
        salesforceActive = active;
    }

    /** The execution of the batch job doing the link's first two-way sync. */
    public void firstSyncStarted(long execution) {
        linkExecution = execution;
    }

    /** The execution of the link's first sync; null when none ran (the campaign was made in Salesforce, or not linked). */
    public Long firstSync() {
        return linkExecution;
    }

    public void unlink(Instant at) {
        salesforce = null;
        salesforceName = null;
        salesforceActive = null;
        linkExecution = null;
        updatedAt = at;
    }

    public boolean isLinked() {
        return salesforce != null && salesforce.value() != null;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long typeId() {
        return typeId;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public SalesforceId salesforce() {
        return isLinked() ? salesforce : null;
    }

    public String salesforceName() {
        return salesforceName;
    }

    public Boolean salesforceActive() {
        return salesforceActive;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
