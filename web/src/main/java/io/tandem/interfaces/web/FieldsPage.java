package io.tandem.interfaces.web;

import io.tandem.application.FieldBackfill;
import io.tandem.application.FieldMappings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields page (§3): every mapping with its Salesforce names, type and mode; an admin changes a mode,
 * adds or changes a mapping (the org's describe check answers inline, with the field), removes one, and
 * sees a backfill's estimate before starting it.
 */
@Named
@ViewScoped
public class FieldsPage implements java.io.Serializable {

    @Inject
    FieldMappings mappings;
    @Inject
    FieldBackfill backfill;

    private List<MappingRow> rows;
    private final Map<String, String> modes = new LinkedHashMap<>();
    private String field;
    private String lead;
    private String contact;
    private String account;
    private String mode;
    private String estimate;
    private String estimatedField;

    @PostConstruct
    void load() {
        rows = mappings.all().stream().map(MappingRow::new).toList();
        rows.forEach(m -> modes.put(m.getField(), m.getMode()));
    }

    /** A mapping as a row shows it (the page's EL reads JavaBeans getters). */
    public static final class MappingRow implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final FieldMappings.Mapping m;

        MappingRow(FieldMappings.Mapping m) {
            this.m = m;
        }

        public String getField() {
            return m.field();
        }

        public String getLead() {
            return m.lead();
        }

        public String getContact() {
            return m.contact();
        }

        public String getAccount() {
            return m.account();
        }

        public String getMode() {
            return m.mode();
        }

        public String getType() {
            return m.type();
        }

        public boolean isCustom() {
            return m.field().startsWith("custom.");
        }
    }

    public List<MappingRow> getRows() {
        return rows;
    }

    /** The mode chosen per field (the row's select binds to it). */
    public Map<String, String> getModes() {
        return modes;
    }

    public List<String> getModeNames() {
        return mappings.modes();
    }

    public void saveMode(String name) {
        Messages.call(name + ": mode saved", () -> mappings.changeMode(name, modes.get(name)));
        load();
    }

    public void save() {
        FieldMappings.Change change = new FieldMappings.Change(blankToNull(lead), blankToNull(contact), blankToNull(account), blankToNull(mode));
        boolean exists = rows.stream().anyMatch(m -> m.getField().equals(field));
        Messages.call(field + ": mapping saved", () -> {
            FieldMappings.Saved saved = exists ? mappings.change(field, change) : mappings.add(field, change);
            saved.warnings().forEach(Messages::info);
        });
        load();
    }

    public void remove(String name) {
        Messages.call(name + ": mapping removed", () -> mappings.remove(name));
        load();
    }

    /** The dry run: records per object, how they are read, the calls. */
    public void estimate(String name) {
        estimatedField = name;
        Messages.call("Estimated", () -> {
            FieldBackfill.Backfill b = backfill.backfill(name, true, null);
            estimate = name + ": " + b.totalRecords() + " linked records " + b.records() + ", read by " + b.reads() + ", "
                    + (b.exact() ? "" : "at least ") + b.apiCalls() + " API calls";
        });
    }

    /** Starts the backfill whose estimate is shown. */
    public void startBackfill() {
        String name = estimatedField;
        if (name != null && Messages.call(name + ": backfill started (see Jobs)", () -> backfill.backfill(name, false, null))) {
            estimate = null;
            estimatedField = null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getEstimate() {
        return estimate;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getLead() {
        return lead;
    }

    public void setLead(String lead) {
        this.lead = lead;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
