package io.tandem.application;

import io.tandem.application.internal.CampaignStore;
import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.campaign.CampaignType;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceGateway.CampaignInfo;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.sync.campaigns.SalesforceCampaigns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Campaigns (§6); their members are {@link CampaignMembers}'. At creation a campaign is left unsynced, linked to an existing
 * Salesforce campaign (active or not), or made in Salesforce with the same name, active, with its type's
 * member statuses; an unsynced one can be linked later. Salesforce is called holding no transaction.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Campaigns {

    /** A campaign as the API shows it; {@code salesforce} is null while it is not linked. */
    public record CampaignView(long id, String name, long typeId, String typeName, String status, SalesforceLink salesforce,
                               long members, Instant createdAt, Instant updatedAt) {
    }

    /**
     * The Salesforce campaign a campaign is linked to, as Salesforce last named it, and the link's first
     * two-way sync (the {@code campaign-link} job's execution with its progress; null in lists, and when the
     * campaign was made in Salesforce).
     */
    public record SalesforceLink(String id, String name, Boolean active, BatchJobs.Execution firstSync) {
    }

    /** How a new campaign meets Salesforce: {@code none}, {@code link} (with the campaign's {@code id}) or {@code create}. */
    public record SalesforceChoice(String mode, String id) {
    }

    /** A campaign in Salesforce, as a search finds it. */
    public record SalesforceCampaign(String id, String name, boolean active, String status) {
    }

    @Inject
    CampaignRepository campaigns;
    @Inject
    CampaignStore store;
    @Inject
    SalesforceCampaigns salesforce;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    BatchJobs jobs;

    public Page<CampaignView> list(String q, String cursor, Integer limit) {
        int size = Cursors.limit(limit);
        String text = q == null || q.isBlank() ? null : q.trim();
        List<Campaign> rows = campaigns.page(text, Cursors.read(cursor), size + 1);
        List<Campaign> page = rows.subList(0, Math.min(size, rows.size()));
        // one query for the types' names and one for the member counts, not two a campaign
        Map<Long, String> typeNames = new HashMap<>();
        campaigns.types().forEach(t -> typeNames.put(t.id(), t.name()));
        Map<Long, Long> counts = campaigns.memberCounts(page.stream().map(Campaign::id).toList());
        List<CampaignView> items = page.stream().map(c -> view(c, typeNames.get(c.typeId()), counts.getOrDefault(c.id(), 0L), null)).toList();
        return new Page<>(items, campaigns.count(text), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    public CampaignView get(long id) {
        return view(require(id));
    }

    /** A new campaign of a type, meeting Salesforce as {@code choice} says. */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CampaignView create(String name, Long typeId, SalesforceChoice choice) {
        if (typeId == null) {
            throw new InvalidRequestException("typeId", "is required");
        }
        CampaignType type = campaigns.type(typeId).orElseThrow(() -> new InvalidRequestException("typeId", "no campaign type " + typeId));
        try {
            new Campaign(name, typeId, Instant.now());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        String mode = choice == null || choice.mode() == null ? "none" : choice.mode().trim().toLowerCase(Locale.ROOT);
        CampaignInfo linked = switch (mode) {
            case "none" -> null;
            case "link" -> existing(choice.id(), "salesforce.id");
            case "create" -> {
                if (!settings.current().writes(RecordType.CAMPAIGN)) {
                    throw new ConflictException("salesforce.mode", "writing campaigns to Salesforce is off (Settings → Syncing); "
                            + "link an existing one or create the campaign unsynced");
                }
                yield salesforce(() -> salesforce.create(name.trim(), type.statuses()));
            }
            default -> throw new InvalidRequestException("salesforce.mode", "must be none, link or create");
        };
        Campaign made = store.create(name, typeId, linked);
        if ("link".equals(mode)) {
            startFirstSync(made.id());
        }
        return view(require(made.id()));
    }

    @RolesAllowed(Roles.OPERATOR)
    public CampaignView change(long id, String name, String status) {
        Campaign c = require(id);
        try {
            if (name != null) {
                c.rename(name, Instant.now());
            }
            if (status != null) {
                c.changeStatus(Campaign.Status.parse(status), Instant.now());
            }
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        return view(c);
    }

    /** Deletes the campaign and its members here; a linked Salesforce campaign stays as it is. */
    @RolesAllowed(Roles.OPERATOR)
    public void delete(long id) {
        campaigns.remove(require(id));
    }

    /** Links an unsynced campaign to an existing Salesforce campaign. */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CampaignView link(long id, String salesforceId) {
        Campaign c = require(id);
        if (c.isLinked()) {
            throw new ConflictException("id", "campaign " + id + " is linked to " + c.salesforce().value() + "; unlink it first");
        }
        CampaignInfo found = existing(salesforceId, "id");
        store.link(id, found).orElseThrow(() -> new UnknownRecordException("campaign", id));
        startFirstSync(id);
        return view(require(id));
    }

    /**
     * The link's first two-way sync, as the restartable {@code campaign-link} job (Salesforce's members in,
     * then Tandem's out), started once the link is committed.
     */
    private void startFirstSync(long id) {
        Properties props = new Properties();
        props.setProperty("campaignId", Long.toString(id));
        store.firstSyncStarted(id, BatchRuntime.getJobOperator().start("campaign-link", props));
    }

    @RolesAllowed(Roles.OPERATOR)
    public CampaignView unlink(long id) {
        Campaign c = require(id);
        c.unlink(Instant.now());
        return view(c);
    }

    /** The org's campaigns whose name contains {@code q}, active or not, to link one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Page<SalesforceCampaign> searchSalesforce(String q, Integer limit) {
        int size = Cursors.limit(limit == null ? 50 : limit);
        return Page.all(salesforce(() -> salesforce.search(q, size)).stream()
                .map(i -> new SalesforceCampaign(i.id(), i.name(), i.active(), i.status())).toList());
    }

    private CampaignInfo existing(String salesforceId, String field) {
        if (salesforceId == null || !salesforceId.trim().matches("701[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
            throw new InvalidRequestException(field, "must be a Salesforce campaign id (701…)");
        }
        CampaignInfo found = salesforce(() -> salesforce.find(salesforceId.trim())).orElseThrow(() ->
                new InvalidRequestException(field, "Salesforce has no campaign " + salesforceId.trim()));
        campaigns.findBySalesforceId(found.id()).ifPresent(other -> {
            throw new ConflictException(field, "Salesforce campaign " + found.id() + " is linked to campaign " + other.id() + " already");
        });
        return found;
    }

    /** A Salesforce action; its failure (no connection, the limits, a refusal) becomes a 409 saying why. */
    private static <T> T salesforce(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SalesforceFailure e) {
            throw new ConflictException("salesforce", "Salesforce: " + e.getMessage());
        }
    }

    private CampaignType type(long id) {
        return campaigns.type(id).orElseThrow(() -> new UnknownRecordException("campaign type", id));
    }

    private Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> new UnknownRecordException("campaign", id));
    }

    private CampaignView view(Campaign c) {
        BatchJobs.Execution firstSync = c.isLinked() && c.firstSync() != null ? jobs.execution(c.firstSync()) : null;
        return view(c, campaigns.type(c.typeId()).map(CampaignType::name).orElse(null), campaigns.countMembers(c.id(), null), firstSync);
    }

    private static CampaignView view(Campaign c, String typeName, long members, BatchJobs.Execution firstSync) {
        SalesforceLink link = c.isLinked() ? new SalesforceLink(c.salesforce().value(), c.salesforceName(), c.salesforceActive(), firstSync) : null;
        return new CampaignView(c.id(), c.name(), c.typeId(), typeName, c.status().code(), link, members, c.createdAt(), c.updatedAt());
    }


}
