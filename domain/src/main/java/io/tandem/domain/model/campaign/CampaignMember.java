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
 * later change wins between Tandem and Salesforce (§6).
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

    /** Moves the member to another status of its type; answers whether it changed. */
    public boolean changeStatus(MemberStatus next, Instant at) {
        if (next.label().equals(status)) {
            return false;
        }
        status = next.label();
        updatedAt = at;
        return true;
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
