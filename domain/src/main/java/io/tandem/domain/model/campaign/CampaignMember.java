package io.tandem.domain.model.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A contact in a campaign, with its status (one of the campaign type's) and when it last changed: the
 * later change wins between Tandem and Salesforce (§6). Linked to its CampaignMember once sent there.
 */
@Entity
@Table(name = "campaign_members")
public class CampaignMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false)
    private String status;

    @Column(name = "sf_member_id", length = 18)
    private String salesforceId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private int version;

    protected CampaignMember() {
    }

    public CampaignMember(long campaignId, long contactId, MemberStatus status, Instant at) {
        this.campaignId = campaignId;
        this.contactId = contactId;
        this.status = status.label();
        this.updatedAt = at;
    }

    /** Moves the member to another status of its type; answers whether it changed. A removed member is back. */
    public boolean changeStatus(MemberStatus next, Instant at) {
        if (next.label().equals(status) && removedAt == null) {
            return false;
        }
        status = next.label();
        removedAt = null;
        updatedAt = at;
        return true;
    }

    /** Removed here; kept, so marked, until Salesforce has removed it too (a member never sent there simply goes). */
    public void remove(Instant at) {
        removedAt = at;
        updatedAt = at;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public long contactId() {
        return contactId;
    }

    public String status() {
        return status;
    }

    public String salesforceId() {
        return salesforceId;
    }

    public void linkTo(String campaignMemberId) {
        salesforceId = campaignMemberId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
