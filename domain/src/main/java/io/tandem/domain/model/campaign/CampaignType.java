package io.tandem.domain.model.campaign;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A kind of campaign (webinar, newsletter, event …) and the member statuses its campaigns use, in order. */
@Entity
@Table(name = "campaign_types")
public class CampaignType {

    public static final int MAX_NAME = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Lob
    @Column(name = "statuses", nullable = false)
    private String statuses;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected CampaignType() {
    }

    public CampaignType(String name, MemberStatuses statuses, Instant at) {
        rename(name);
        this.statuses = statuses.json();
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.trim().length() > MAX_NAME) {
            throw new InvalidValueException("name", "is required, at most " + MAX_NAME + " characters");
        }
        name = newName.trim();
    }

    /**
     * Replaces the statuses (a new order, labels added, removed, defaults moved); refuses to remove one that
     * members of this type's campaigns are in.
     */
    public void changeStatuses(MemberStatuses next, Collection<String> inUse, Instant at) {
        List<String> removed = statuses().removedIn(next);
        for (String label : removed) {
            if (inUse.stream().anyMatch(label::equalsIgnoreCase)) {
                throw new InvalidValueException("statuses", "\"" + label + "\" is in use by campaign members; move them to another status first");
            }
        }
        statuses = next.json();
        updatedAt = at;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public MemberStatuses statuses() {
        return MemberStatuses.fromJson(statuses);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
