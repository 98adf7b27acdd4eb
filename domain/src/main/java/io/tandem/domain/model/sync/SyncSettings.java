package io.tandem.domain.model.sync;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tandem.domain.model.contact.Contact;

import java.time.Instant;
import java.util.Collection;

/**
 * Settings → Syncing, one row. Each setting takes effect at once for new data and never rewrites
 * existing records or links.
 */
@Entity
@Table(name = "sync_settings")
public class SyncSettings {

    public static final int ID = 1;

    /** What a new contact becomes in Salesforce. */
    public enum CreateAs { LEAD, CONTACT }

    @Id
    private int id;
    @Column(name = "sync_leads")
    private boolean syncLeads;
    @Column(name = "sync_contacts")
    private boolean syncContacts;
    @Column(name = "sync_accounts")
    private boolean syncAccounts;
    @Column(name = "write_contacts")
    private boolean writeContacts;
    @Column(name = "write_companies")
    private boolean writeCompanies;
    @Column(name = "write_campaigns")
    private boolean writeCampaigns;
    @Column(name = "write_campaign_members")
    private boolean writeCampaignMembers;
    @Column(name = "create_as", length = 8)
    private String createAs;
    @Column(name = "link_accounts_by_domain")
    private boolean linkAccountsByDomain;
    @Column(name = "create_accounts")
    private boolean createAccounts;
    @Column(name = "sync_on_create")
    private boolean syncOnCreate;
    @Column(name = "tandem_daily_limit")
    private Integer tandemDailyLimit;
    @Column(name = "reserve_percent")
    private int reservePercent;
    @Column(name = "drain_seconds")
    private int drainSeconds;
    @Column(name = "poll_seconds")
    private int pollSeconds;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private int version;

    protected SyncSettings() {
    }

    /** The values an administrator can set, all at once. */
    public record Values(boolean syncLeads, boolean syncContacts, boolean syncAccounts, boolean writeContacts,
                         boolean writeCompanies, boolean writeCampaigns, boolean writeCampaignMembers, String createAs,
                         boolean linkAccountsByDomain, boolean createAccounts, boolean syncOnCreate,
                         Integer tandemDailyLimit, int reservePercent, int drainSeconds, int pollSeconds) {
    }

    public Values values() {
        return new Values(syncLeads, syncContacts, syncAccounts, writeContacts, writeCompanies, writeCampaigns,
                writeCampaignMembers, createAs.toLowerCase(), linkAccountsByDomain, createAccounts, syncOnCreate,
                tandemDailyLimit, reservePercent, drainSeconds, pollSeconds);
    }

    public void change(Values v, Instant at) {
        CreateAs as;
        try {
            as = CreateAs.valueOf(String.valueOf(v.createAs()).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("createAs", "must be lead or contact");
        }
        if (v.tandemDailyLimit() != null && v.tandemDailyLimit() < 0) {
            throw new InvalidValueException("tandemDailyLimit", "must be positive, or null for none");
        }
        if (v.reservePercent() < 0 || v.reservePercent() > 90) {
            throw new InvalidValueException("reservePercent", "must be between 0 and 90");
        }
        if (v.drainSeconds() < 1 || v.drainSeconds() > 3600) {
            throw new InvalidValueException("drainSeconds", "must be between 1 and 3600");
        }
        if (v.pollSeconds() < 10 || v.pollSeconds() > 86_400) {
            throw new InvalidValueException("pollSeconds", "must be between 10 and 86400");
        }
        syncLeads = v.syncLeads();
        syncContacts = v.syncContacts();
        syncAccounts = v.syncAccounts();
        writeContacts = v.writeContacts();
        writeCompanies = v.writeCompanies();
        writeCampaigns = v.writeCampaigns();
        writeCampaignMembers = v.writeCampaignMembers();
        createAs = as.name();
        linkAccountsByDomain = v.linkAccountsByDomain();
        createAccounts = v.createAccounts();
        syncOnCreate = v.syncOnCreate();
        tandemDailyLimit = v.tandemDailyLimit();
        reservePercent = v.reservePercent();
        drainSeconds = v.drainSeconds();
        pollSeconds = v.pollSeconds();
        updatedAt = at;
    }

    /** Whether local changes of this kind are queued for Salesforce at all. */
    public boolean writes(RecordType type) {
        return switch (type) {
            case CONTACT -> writeContacts;
            case COMPANY -> writeCompanies;
            case CAMPAIGN -> writeCampaigns;
            case CAMPAIGN_MEMBER -> writeCampaignMembers;
            // asked for one by one (an action), or chosen by type in Settings → Activity (events)
            case ACTION, EVENT -> true;
        };
    }

    /**
     * Whether a contact's change is queued for Salesforce: something changed, writing contacts is on,
     * and the contact is synced (one created with sync=skip waits to be pushed).
     */
    public boolean queues(Contact contact, Collection<String> changed) {
        return !changed.isEmpty() && writes(RecordType.CONTACT) && contact.isSyncedOutbound();
    }

    public boolean syncOnCreate() {
        return syncOnCreate;
    }

    /** Whether changes of this Salesforce object (Account, Contact, Lead) are read. */
    public boolean reads(String salesforceObject) {
        return switch (salesforceObject) {
            case "Account" -> syncAccounts;
            case "Contact" -> syncContacts;
            case "Lead" -> syncLeads;
            // linked campaigns and their members (Leads' and Contacts'): read once a campaign is linked (their
            // watermarks are set then), while people are read at all
            case "Campaign", "CampaignMember" -> syncLeads || syncContacts;
            // the opportunities of Accounts, and the Contacts' roles in them: read with either
            case "Opportunity", "OpportunityContactRole" -> syncAccounts || syncContacts;
            default -> false;
        };
    }

    public int pollSeconds() {
        return pollSeconds;
    }

    public int drainSeconds() {
        return drainSeconds;
    }

    public int reservePercent() {
        return reservePercent;
    }

    public Integer tandemDailyLimit() {
        return tandemDailyLimit;
    }
}
