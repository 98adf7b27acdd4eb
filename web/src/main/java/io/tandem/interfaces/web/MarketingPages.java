package io.tandem.interfaces.web;

import io.tandem.application.Actions;
import io.tandem.application.Campaigns;
import io.tandem.application.Workflows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The campaigns, actions and workflows pages: what each holds and how far it is, read through the same
 * services as the API (rows as JavaBeans for the pages' EL).
 */
@Named
@RequestScoped
public class MarketingPages {

    /** A row of label / value cells, in column order. */
    public static final class Row {
        private final List<String> cells;

        Row(String... cells) {
            this.cells = List.of(cells);
        }

        public List<String> getCells() {
            return cells;
        }
    }

    @Inject
    Campaigns campaigns;
    @Inject
    Actions actions;
    @Inject
    Workflows workflows;

    // each read once a request: the pages ask a list for its rows and whether it is empty
    private List<Row> campaignsRows;
    private List<Row> actionsRows;
    private List<Row> workflowsRows;

    public List<Row> getCampaigns() {
        return campaignsRows == null ? campaignsRows = readCampaigns() : campaignsRows;
    }

    private List<Row> readCampaigns() {
        return campaigns.list(null, null, 200).items().stream().map(c -> new Row(Long.toString(c.id()), c.name(), c.typeName(), c.status(),
                c.salesforce() == null ? "not linked" : c.salesforce().id() + " \"" + c.salesforce().name() + "\""
                        + (Boolean.FALSE.equals(c.salesforce().active()) ? " (inactive)" : ""), Long.toString(c.members()))).toList();
    }

    public List<Row> getActions() {
        return actionsRows == null ? actionsRows = readActions() : actionsRows;
    }

    private List<Row> readActions() {
        return actions.list(null, 100).items().stream().map(a -> new Row(Long.toString(a.id()), a.action(), a.source(),
                a.requestedBy() == null ? "" : a.requestedBy(), Shown.time(a.createdAt()), a.total() + " contacts: "
                + a.counts().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")))).toList();
    }

    public List<Row> getWorkflows() {
        return workflowsRows == null ? workflowsRows = readWorkflows() : workflowsRows;
    }

    private List<Row> readWorkflows() {
        return workflows.list().items().stream().map(w -> new Row(Long.toString(w.id()), w.name(), w.active() ? "active" : "off",
                w.trigger().toString(), w.steps().stream().map(s -> String.valueOf(s.get("action"))).collect(Collectors.joining(" → ")),
                Long.toString(w.runs()))).toList();
    }
}
