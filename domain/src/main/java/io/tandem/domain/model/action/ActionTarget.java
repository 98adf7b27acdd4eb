package io.tandem.domain.model.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One contact an action is for, and how it ended there: waiting (for its turn, or for the contact's link),
 * done (with the record Salesforce made or changed), failed (with Salesforce's code and words), or skipped.
 */
@Entity
@Table(name = "action_targets")
public class ActionTarget {

    public enum Status { WAITING, DONE, FAILED, SKIPPED }

    static final int MESSAGE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "action_id", nullable = false)
    private long actionId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "sf_id", length = 18)
    private String salesforceId;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(length = MESSAGE)
    private String message;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected ActionTarget() {
    }

    public ActionTarget(long actionId, long contactId, Instant at) {
        this.actionId = actionId;
        this.contactId = contactId;
        this.status = Status.WAITING;
        this.updatedAt = at;
    }

    public void done(String salesforceRecord, String what, Instant at) {
        end(Status.DONE, salesforceRecord, null, what, at);
    }

    public void failed(String code, String why, Instant at) {
        end(Status.FAILED, salesforceId, code, why, at);
    }

    public void skipped(String why, Instant at) {
        end(Status.SKIPPED, salesforceId, null, why, at);
    }

    /** Still to go, and why it waits. */
    public void waiting(String code, String why, Instant at) {
        end(Status.WAITING, salesforceId, code, why, at);
    }

    private void end(Status next, String record, String code, String why, Instant at) {
        status = next;
        salesforceId = record;
        errorCode = code;
        message = why == null || why.length() <= MESSAGE ? why : why.substring(0, MESSAGE - 1) + "…";
        updatedAt = at;
    }

    public Long id() {
        return id;
    }

    public long actionId() {
        return actionId;
    }

    public long contactId() {
        return contactId;
    }

    public Status status() {
        return status;
    }

    public String salesforceId() {
        return salesforceId;
    }

    public String errorCode() {
        return errorCode;
    }

    public String message() {
        return message;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
