package io.tandem.interfaces.web;

import io.tandem.application.Actions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The actions page's list: each action, who asked for it and how far it is, read through the same service
 * as the API (rows as JavaBeans for the pages' EL); {@link ActionForm} asks for a new one.
 */
@Named
@RequestScoped
public class ActionsPage {

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
    Actions actions;

    // each read once a request: the pages ask a list for its rows and whether it is empty
    private List<Row> actionsRows;

    /** Reads the lists again (after a change on the page). */
    void refresh() {
        actionsRows = null;
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
}
