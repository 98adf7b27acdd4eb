package io.tandem.interfaces.web;

import io.tandem.application.FieldMappings;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.Roles;
import io.tandem.application.SyncSettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.List;

/**
 * Settings → Syncing (§2, §3): what is read from and written to Salesforce, how new contacts are
 * created, the API limits and intervals, and each mapped field's mode. Everyone sees them; admins save
 * them, all at once. A refused value comes back as the field and its reason, nothing half-saved in the
 * settings themselves.
 */
@Named
@RequestScoped
public class SettingsPage {

    /** One mapped field and its mode, as the form edits it. */
    public static final class FieldRow {
        private final String field;
        private final String salesforce;
        private final String saved;
        private String mode;

        FieldRow(FieldMappings.Mapping m) {
            field = m.field();
            salesforce = m.lead() == null ? m.contact() : m.contact() == null || m.lead().equals(m.contact()) ? m.lead()
                    : m.lead() + " / " + m.contact();
            saved = m.mode();
            mode = m.mode();
        }

        public String getField() {
            return field;
        }

        public String getSalesforce() {
            return salesforce;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }
    }

    @Inject
    SyncSettingsService service;
    @Inject
    FieldMappings fieldModes;
    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;

    private boolean syncLeads;
    private boolean syncContacts;
    private boolean syncAccounts;
    private boolean writeContacts;
    private boolean writeCompanies;
    private boolean writeCampaigns;
    private boolean writeCampaignMembers;
    private String createAs;
    private boolean linkAccountsByDomain;
    private boolean createAccounts;
    private boolean syncOnCreate;
    private String tandemDailyLimit;
    private int reservePercent;
    private int drainSeconds;
    private int pollSeconds;
    private List<FieldRow> fields;
    private List<String> modes;

    @PostConstruct
    void load() {
        SyncSettingsService.Settings s = service.current();
        syncLeads = s.syncLeads();
        syncContacts = s.syncContacts();
        syncAccounts = s.syncAccounts();
        writeContacts = s.writeContacts();
        writeCompanies = s.writeCompanies();
        writeCampaigns = s.writeCampaigns();
        writeCampaignMembers = s.writeCampaignMembers();
        createAs = s.createAs();
        linkAccountsByDomain = s.linkAccountsByDomain();
        createAccounts = s.createAccounts();
        syncOnCreate = s.syncOnCreate();
        tandemDailyLimit = s.tandemDailyLimit() == null ? "" : String.valueOf(s.tandemDailyLimit());
        reservePercent = s.reservePercent();
        drainSeconds = s.drainSeconds();
        pollSeconds = s.pollSeconds();
        fields = fieldModes.all().stream().map(FieldRow::new).toList();
        modes = fieldModes.modes();
    }

    public String save() {
        try {
            service.change(new SyncSettingsService.Settings(syncLeads, syncContacts, syncAccounts, writeContacts, writeCompanies,
                    writeCampaigns, writeCampaignMembers, createAs, linkAccountsByDomain, createAccounts, syncOnCreate,
                    limit(), reservePercent, drainSeconds, pollSeconds));
            for (FieldRow row : fields) {
                if (!row.mode.equals(row.saved)) {
                    fieldModes.changeMode(row.field, row.mode);
                }
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved; in force from now on.", null));
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.getMessage(), null));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only administrators change the settings.", null));
        }
        return null;
    }

    private Integer limit() {
        String text = tandemDailyLimit == null ? "" : tandemDailyLimit.trim().replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("tandemDailyLimit", "must be a whole number of API requests, or empty for none");
        }
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    public List<FieldRow> getFields() {
        return fields;
    }

    public List<String> getModes() {
        return modes;
    }

    public boolean isSyncLeads() {
        return syncLeads;
    }

    public void setSyncLeads(boolean v) {
        syncLeads = v;
    }

    public boolean isSyncContacts() {
        return syncContacts;
    }

    public void setSyncContacts(boolean v) {
        syncContacts = v;
    }

    public boolean isSyncAccounts() {
        return syncAccounts;
    }

    public void setSyncAccounts(boolean v) {
        syncAccounts = v;
    }

    public boolean isWriteContacts() {
        return writeContacts;
    }

    public void setWriteContacts(boolean v) {
        writeContacts = v;
    }

    public boolean isWriteCompanies() {
        return writeCompanies;
    }

    public void setWriteCompanies(boolean v) {
        writeCompanies = v;
    }

    public boolean isWriteCampaigns() {
        return writeCampaigns;
    }

    public void setWriteCampaigns(boolean v) {
        writeCampaigns = v;
    }

    public boolean isWriteCampaignMembers() {
        return writeCampaignMembers;
    }

    public void setWriteCampaignMembers(boolean v) {
        writeCampaignMembers = v;
    }

    public String getCreateAs() {
        return createAs;
    }

    public void setCreateAs(String v) {
        createAs = v;
    }

    public boolean isLinkAccountsByDomain() {
        return linkAccountsByDomain;
    }

    public void setLinkAccountsByDomain(boolean v) {
        linkAccountsByDomain = v;
    }

    public boolean isCreateAccounts() {
        return createAccounts;
    }

    public void setCreateAccounts(boolean v) {
        createAccounts = v;
    }

    public boolean isSyncOnCreate() {
        return syncOnCreate;
    }

    public void setSyncOnCreate(boolean v) {
        syncOnCreate = v;
    }

    public String getTandemDailyLimit() {
        return tandemDailyLimit;
    }

    public void setTandemDailyLimit(String v) {
        tandemDailyLimit = v;
    }

    public int getReservePercent() {
        return reservePercent;
    }

    public void setReservePercent(int v) {
        reservePercent = v;
    }

    public int getDrainSeconds() {
        return drainSeconds;
    }

    public void setDrainSeconds(int v) {
        drainSeconds = v;
    }

    public int getPollSeconds() {
        return pollSeconds;
    }

    public void setPollSeconds(int v) {
        pollSeconds = v;
    }
}
