package io.tandem.application.internal;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceGateway.CampaignInfo;
import io.tandem.domain.shared.SalesforceId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The writes of campaign actions that talk to Salesforce first: the use case calls Salesforce holding no
 * transaction, then stores what came of it here, in a transaction of its own.
 */
@Stateless
public class CampaignStore {

    @Inject
    CampaignRepository campaigns;
    @Inject
    InboundState state;

    /**
     * The poll reads Campaign and CampaignMember changes from the first link on (a campaign renamed or
     * deactivated there, members changed since; those from before the link come with the link's first sync).
     */
    private void readMembersFrom(Instant at) {
        var watermarks = state.watermarks();
        for (String object : List.of(SalesforceObjects.CAMPAIGN, SalesforceObjects.CAMPAIGN_MEMBER)) {
            if (!watermarks.containsKey(object)) {
                state.advance(object, new Watermark(at.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), ""));
            }
        }
    }

    /** A new campaign, linked to {@code linked} when it is given. */
    public Campaign create(String name, long typeId, CampaignInfo linked) {
        Instant now = Instant.now();
        Campaign c = new Campaign(name, typeId, now);
        if (linked != null) {
            c.linkTo(SalesforceId.of(linked.id()), linked.name(), linked.active(), now);
            readMembersFrom(now);
        }
        campaigns.add(c);
        return c;
    }

    /** Links a campaign; empty when there is no campaign with that id. Its first sync is the caller's to start. */
    public Optional<Campaign> link(long id, CampaignInfo linked) {
        return campaigns.find(id).map(c -> {
            Instant now = Instant.now();
            c.linkTo(SalesforceId.of(linked.id()), linked.name(), linked.active(), now);
            readMembersFrom(now);
            return c;
        });
    }

    /** The link's first sync runs as this execution. */
    public void firstSyncStarted(long id, long execution) {
        campaigns.find(id).ifPresent(c -> c.firstSyncStarted(execution));
    }
}
