package io.tandem.sync.campaigns;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.inbound.CampaignMemberChanges;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages of a link's first two-way sync (§6), each in a transaction of its own with its sync-log entry:
 * Salesforce's members applied as the poll applies them (the later updated_at wins; members of people Tandem
 * does not hold, and statuses the type lacks, skipped with the reason), those Tandem changed later queued
 * back; then Tandem's members Salesforce does not have yet queued, to go out through the drain.
 */
@Stateless
public class CampaignLinkSync {

    @Inject
    CampaignRepository campaigns;
    @Inject
    CampaignMemberChanges changes;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    SyncLog log;
    @Inject
    ApiLimits limits;

    /** The Salesforce campaign the campaign is linked to now; null when it is gone or unlinked (the sync stops). */
    public String linkedTo(long campaignId) {
        return campaigns.find(campaignId).filter(Campaign::isLinked).map(c -> c.salesforce().value()).orElse(null);
    }

    /** Applies one page of the Salesforce campaign's members; answers the page's counts by outcome. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Long> salesforcePage(long campaignId, List<SalesforceRecord> records, Instant startedAt, int calls) {
        List<CampaignMember> tandemLater = new ArrayList<>();
        List<RecordOutcome> outcomes = changes.apply(records, tandemLater);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("salesforceMembers", (long) records.size());
        for (RecordOutcome o : outcomes) {
            counts.merge(o.outcome().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
        counts.put("tandemLater", (long) queue(tandemLater, startedAt));
        log.write(new SyncLog.Batch("INBOUND", "CampaignMember", "campaign-link", startedAt, "COMPLETED", calls,
                "first sync of campaign " + campaignId + ": Salesforce's members"), outcomes);
        limits.record(calls);
        return counts;
    }

    /** The ids of a page of the campaign's members, in id order after {@code afterId}. */
    public List<Long> memberIds(long campaignId, long afterId, int limit) {
        return campaigns.members(campaignId, null, afterId, limit).stream().map(CampaignMember::id).toList();
    }

    /** Queues those of these members Salesforce does not have yet; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int tandemPage(List<Long> memberIds) {
        List<CampaignMember> unsent = campaigns.findMembers(memberIds).stream()
                .filter(m -> m.salesforceId() == null && !m.isRemoved()).toList();
        return queue(unsent, Instant.now());
    }

    private int queue(List<CampaignMember> members, Instant at) {
        if (members.isEmpty() || !settings.current().writes(RecordType.CAMPAIGN_MEMBER)) {
            return 0;
        }
        outbox.enqueue(members.stream().map(m -> new OutboxEntry(RecordType.CAMPAIGN_MEMBER, m.id(), OutboxEntry.Operation.UPSERT,
                Set.of("status"), SystemSource.API, at)).toList());
        return members.size();
    }
}
