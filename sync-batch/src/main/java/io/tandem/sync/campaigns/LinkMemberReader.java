package io.tandem.sync.campaigns;

import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A page at a time of what a link's first sync goes through: with {@code side} {@code salesforce}, up to
 * {@value #SALESFORCE_PAGE} of the Salesforce campaign's members in Id order, one query call a page within
 * the API limits (checkpoint: the last Id read); with {@code tandem}, {@value #TANDEM_PAGE} of the Tandem
 * campaign's member ids (checkpoint: the last id). Either ends early when the campaign was unlinked.
 */
@Named
@Dependent
public class LinkMemberReader extends AbstractItemReader {

    static final int SALESFORCE_PAGE = 2000;
    static final int TANDEM_PAGE = 1000;

    /** Salesforce's members, read by one call, and when it started. */
    public record SalesforcePage(List<SalesforceRecord> records, Instant startedAt, int calls) implements Serializable {
    }

    /** Ids of Tandem's members. */
    public record TandemPage(List<Long> memberIds) implements Serializable {
    }

    @Inject
    @BatchProperty
    String campaign;
    @Inject
    @BatchProperty
    String side;
    @Inject
    CampaignLinkSync sync;
    @Inject
    SalesforceOrg org;
    @Inject
    ApiLimits limits;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    JobContext job;

    private String afterSalesforce;
    private long afterTandem;

    @Override
    public void open(Serializable checkpoint) {
        if (checkpoint instanceof String id) {
            afterSalesforce = id;
        } else if (checkpoint instanceof Long id) {
            afterTandem = id;
        }
    }

    @Override
    public Object readItem() {
        long campaignId = Long.parseLong(campaign);
        String linkedTo = sync.linkedTo(campaignId);
        if (linkedTo == null) {
            job.setExitStatus("campaign " + campaignId + " is no longer linked: the first sync stopped");
            return null;
        }
        if ("tandem".equals(side)) {
            List<Long> ids = sync.memberIds(campaignId, afterTandem, TANDEM_PAGE);
            if (ids.isEmpty()) {
                return null;
            }
            afterTandem = ids.get(ids.size() - 1);
            return new TandemPage(ids);
        }
        SalesforceGateway gateway = org.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
        String paused = limits.pausedReason(gateway, settings.current());
        if (paused != null) {
            job.setExitStatus("STOPPED: paused at the API limit: " + paused + "; restart the job to go on");
            throw new IllegalStateException("the campaign's first sync pauses at the API limit: " + paused);
        }
        Instant started = Instant.now();
        long before = gateway.callsSent();
        List<SalesforceRecord> records = gateway.campaignMembersAfter(linkedTo, afterSalesforce, SALESFORCE_PAGE);
        if (records.isEmpty()) {
            return null;
        }
        afterSalesforce = records.get(records.size() - 1).id();
        return new SalesforcePage(records, started, (int) (gateway.callsSent() - before));
    }

    @Override
    public Serializable checkpointInfo() {
        return "tandem".equals(side) ? (Serializable) afterTandem : afterSalesforce;
    }
}
