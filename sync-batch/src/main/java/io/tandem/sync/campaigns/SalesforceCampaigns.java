package io.tandem.sync.campaigns;

import io.tandem.domain.model.campaign.MemberStatus;
import io.tandem.domain.model.campaign.MemberStatuses;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceGateway.CampaignInfo;
import io.tandem.domain.service.SalesforceGateway.CampaignStatus;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Salesforce side of campaigns, each call within the API limits and counted against them: searching the
 * org's campaigns, reading one to link it, and creating one with a campaign type's member statuses. Callers
 * hold no transaction across these calls.
 */
@ApplicationScoped
public class SalesforceCampaigns {

    /** Where new statuses start, clear of the two Salesforce gives a new campaign (1 and 2). */
    private static final int FIRST_SORT_ORDER = 10;

    @Inject
    SalesforceOrg org;
    @Inject
    ApiLimits limits;
    @Inject
    SyncSettingsRepository settings;

    public List<CampaignInfo> search(String text, int limit) {
        return call(g -> g.campaigns(text, limit));
    }

    public Optional<CampaignInfo> find(String id) {
        return call(g -> g.campaign(id));
    }

    /**
     * A new active campaign of that name whose member statuses are the type's, in its order, with its default
     * and responded ones: statuses Salesforce gave the new campaign are reused when a label matches and
     * deleted when none does (after the type's default has taken over, since the default cannot go).
     */
    public CampaignInfo create(String name, MemberStatuses statuses) {
        return call(g -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Name", name);
            fields.put("IsActive", true);
            SalesforceGateway.SaveResult made = g.save(List.of(RecordWrite.create("Campaign", fields))).get(0);
            if (!made.success()) {
                throw new SalesforceFailure(made.errorCode(), made.errorCode() + ": " + made.message(), false);
            }
            alignStatuses(g, made.id(), statuses);
            return new CampaignInfo(made.id(), name, true, null);
        });
    }

    private static void alignStatuses(SalesforceGateway g, String campaignId, MemberStatuses statuses) {
        Map<String, CampaignStatus> existing = new LinkedHashMap<>();
        g.campaignStatuses(campaignId).forEach(s -> existing.put(s.label().toLowerCase(Locale.ROOT), s));
        List<RecordWrite> creates = new ArrayList<>();
        List<RecordWrite> updates = new ArrayList<>();
        int order = FIRST_SORT_ORDER;
        for (MemberStatus s : statuses.all()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("IsDefault", s.isDefault());
            f.put("HasResponded", s.responded());
            f.put("SortOrder", order++);
            CampaignStatus there = existing.remove(s.label().toLowerCase(Locale.ROOT));
            if (there == null) {
                f.put("CampaignId", campaignId);
                f.put("Label", s.label());
                creates.add(RecordWrite.create("CampaignMemberStatus", f));
            } else {
                updates.add(RecordWrite.update("CampaignMemberStatus", there.id(), f));
            }
        }
        for (List<RecordWrite> writes : List.of(creates, updates)) {
            if (!writes.isEmpty()) {
                failOnError(g.save(writes));
            }
        }
        if (!existing.isEmpty()) {
            failOnError(g.delete(existing.values().stream().map(CampaignStatus::id).toList()));
        }
    }

    private static void failOnError(List<SalesforceGateway.SaveResult> results) {
        for (SalesforceGateway.SaveResult r : results) {
            if (!r.success()) {
                throw new SalesforceFailure(r.errorCode(), "member statuses: " + r.errorCode() + ": " + r.message(), r.transientError());
            }
        }
    }

    /** One action against the org: refused while the limits hold calls back, its calls counted. */
    private <T> T call(Function<SalesforceGateway, T> action) {
        SalesforceGateway g = org.gateway().orElseThrow(() -> new SalesforceFailure("NO_CONNECTION",
                "no Salesforce connection is configured", false));
        String paused = limits.pausedReason(g, settings.current());
        if (paused != null) {
            throw new SalesforceFailure("API_LIMIT", paused, true);
        }
        long before = g.callsSent();
        try {
            return action.apply(g);
        } finally {
            limits.record((int) (g.callsSent() - before));
        }
    }
}
