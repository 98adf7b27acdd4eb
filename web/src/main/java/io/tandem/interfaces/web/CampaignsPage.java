package io.tandem.interfaces.web;

import io.tandem.application.CampaignTypes;
import io.tandem.application.Campaigns;
import io.tandem.application.InvalidRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The campaigns page (§6): campaign types with their member statuses (define one, delete an unused one),
 * every campaign with its Salesforce link, and a new campaign made with one of the three choices: not
 * synced, linked to a Salesforce campaign (found by name in the org), or created there with the type's
 * statuses. A campaign's own page is {@link CampaignPage}.
 */
@Named
@RequestScoped
public class CampaignsPage {

    /** A type as a row shows it: its statuses in order, the default and the responded ones marked. */
    public static final class TypeRow {
        private final CampaignTypes.TypeView type;

        TypeRow(CampaignTypes.TypeView type) {
            this.type = type;
        }

        public long getId() {
            return type.id();
        }

        public String getName() {
            return type.name();
        }

        public String getStatuses() {
            return type.statuses().stream().map(s -> s.label() + (s.isDefault() ? " (default)" : "") + (s.responded() ? " (responded)" : ""))
                    .collect(Collectors.joining(" → "));
        }
    }

    /** A campaign as a row shows it. */
    public static final class CampaignRow {
        private final Campaigns.CampaignView c;

        CampaignRow(Campaigns.CampaignView c) {
            this.c = c;
        }

        public long getId() {
            return c.id();
        }

        public String getName() {
            return c.name();
        }

        public String getType() {
            return c.typeName();
        }

        public String getStatus() {
            return c.status();
        }

        public String getSalesforce() {
            return c.salesforce() == null ? "not linked" : c.salesforce().id() + " \"" + c.salesforce().name() + "\""
                    + (Boolean.FALSE.equals(c.salesforce().active()) ? " (inactive)" : "");
        }

        public long getMembers() {
            return c.members();
        }
    }

    /** A Salesforce campaign a search found, to link. */
    public static final class Found {
        private final Campaigns.SalesforceCampaign c;

        Found(Campaigns.SalesforceCampaign c) {
            this.c = c;
        }

        public String getId() {
            return c.id();
        }

        public String getLabel() {
            return c.name() + (c.active() ? "" : " (inactive)") + (c.status() == null ? "" : ", " + c.status());
        }
    }

    @Inject
    Campaigns campaigns;
    @Inject
    CampaignTypes types;

    private List<TypeRow> typeRows;
    private List<CampaignRow> campaignRows;
    private long total;
    private List<Found> found = List.of();
    private String typeName;
    private String statuses = "*Sent\n+Responded";
    private String name;
    private Long typeId;
    private String mode = "none";
    private String salesforceId;
    private String search;

    @PostConstruct
    void load() {
        typeRows = types.list().stream().map(TypeRow::new).toList();
        var page = campaigns.list(null, null, 200);
        total = page.total();
        campaignRows = page.items().stream().map(CampaignRow::new).toList();
    }

    /**
     * A new type from its statuses, one a line in order: {@code *} before a label marks the default,
     * {@code +} a responded one ({@code *+Attended} both).
     */
    public void defineType() {
        if (Messages.call("Type " + typeName + " defined.", () -> types.define(typeName, parseStatuses(statuses)))) {
            load();
        }
    }

    static List<CampaignTypes.StatusView> parseStatuses(String text) {
        List<CampaignTypes.StatusView> parsed = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String label = line.strip();
            boolean isDefault = false;
            boolean responded = false;
            while (label.startsWith("*") || label.startsWith("+")) {
                isDefault |= label.charAt(0) == '*';
                responded |= label.charAt(0) == '+';
                label = label.substring(1).strip();
            }
            if (!label.isEmpty()) {
                parsed.add(new CampaignTypes.StatusView(label, isDefault, responded));
            }
        }
        if (parsed.size() > 50) {
            throw new InvalidRequestException("statuses", "at most 50 statuses a type");
        }
        return parsed;
    }

    public void deleteType(long id) {
        if (Messages.call("Type deleted.", () -> types.delete(id))) {
            load();
        }
    }

    public void create() {
        if (Messages.call("Campaign " + name + " created.", () -> campaigns.create(name, typeId,
                new Campaigns.SalesforceChoice(mode, mode.equals("link") ? salesforceId : null)))) {
            load();
        }
    }

    /** Finds Salesforce campaigns by name, to pick one to link. */
    public void find() {
        var page = Messages.answer(() -> campaigns.searchSalesforce(search, 20));
        found = page == null ? List.of() : page.items().stream().map(Found::new).toList();
        if (page != null && found.isEmpty()) {
            Messages.info("No Salesforce campaign's name contains \"" + search + "\".");
        }
    }

    public List<TypeRow> getTypes() {
        return typeRows;
    }

    public List<CampaignRow> getCampaigns() {
        return campaignRows;
    }

    public long getTotal() {
        return total;
    }

    public List<Found> getFound() {
        return found;
    }

    public String getTypeName() {
        return typeName;
    }

    public void setTypeName(String typeName) {
        this.typeName = typeName;
    }

    public String getStatuses() {
        return statuses;
    }

    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getTypeId() {
        return typeId;
    }

    public void setTypeId(Long typeId) {
        this.typeId = typeId;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode == null ? "none" : mode;
    }

    public String getSalesforceId() {
        return salesforceId;
    }

    public void setSalesforceId(String salesforceId) {
        this.salesforceId = salesforceId;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
