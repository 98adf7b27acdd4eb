package io.tandem.application.internal;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.SyncSettingsRepository;
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
import java.util.Set;

/**
 * The writes of campaign actions that talk to Salesforce first: the use case calls Salesforce holding no
 * transaction, then stores what came of it here, in a transaction of its own.
 */
@Stateless
public class CampaignStore {

    private static final int PAGE = 1000;

    @Inject
    CampaignRepository campaigns;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;
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

    /**
     * Links a campaign; empty when there is no campaign with that id. Its members are queued for the
     * Salesforce campaign (when members are written there): the outbound half of the first sync.
     */
    public Optional<Campaign> link(long id, CampaignInfo linked) {
        return campaigns.find(id).map(c -> {
            Instant now = Instant.now();
            c.linkTo(SalesforceId.of(linked.id()), linked.name(), linked.active(), now);
            readMembersFrom(now);
            if (settings.current().writes(RecordType.CAMPAIGN_MEMBER)) {
                long after = 0;
                for (List<CampaignMember> page; !(page = campaigns.members(id, null, after, PAGE)).isEmpty(); after = page.get(page.size() - 1).id()) {
                    outbox.enqueue(page.stream().map(m -> new OutboxEntry(RecordType.CAMPAIGN_MEMBER, m.id(), OutboxEntry.Operation.UPSERT,
                            Set.of("status"), SystemSource.API, now)).toList());
                }
            }
            return c;
        });
    }
}
