package io.tandem.interfaces.web;

import io.tandem.application.Imports;
import io.tandem.application.UpsertOptions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports (§6): a CSV file uploaded, its columns mapped to contact fields (the mapping found by name
 * offered first, a few rows shown to decide by), the options chosen, then the import's progress as it
 * runs, with its row errors; stop and restart. The same service steps as {@code POST /api/imports/preview}
 * and {@code POST /api/imports}.
 */
@Named
@ViewScoped
public class ImportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One column of the file: a few of its values and the field it feeds ("" leaves it out). */
    public static final class ColumnRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String column;
        private final String samples;
        private String field;

        ColumnRow(String column, String samples, String field) {
            this.column = column;
            this.samples = samples;
            this.field = field == null ? "" : field;
        }

        public String getColumn() {
            return column;
        }

        public String getSamples() {
            return samples;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field == null ? "" : field;
        }
    }

    @Inject
    Imports imports;

    private transient Part file;
    private String upload;
    private String fileName;
    private int rows;
    private final List<ColumnRow> columns = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private boolean updateOnly;
    private boolean dontOverwriteNonEmpty;
    private String sync = "";
    private Long importId;
    private transient Imports.ImportView shown;
    private transient FacesContext shownFor;

    @PostConstruct
    void load() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id != null && id.matches("\\d{1,18}")) {
            importId = Long.valueOf(id);
        }
    }

    /** Step one: the file stored and checked, its columns offered for mapping. */
    public void prepare() {
        if (file == null || file.getSize() == 0) {
            Messages.error("file: choose a CSV file to upload");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            Imports.Prepared p = Messages.answer(() -> imports.prepare(file.getSubmittedFileName(), in));
            if (p == null) {
                return;
            }
            upload = p.upload();
            fileName = p.fileName();
            rows = p.rows();
            columns.clear();
            for (int c = 0; c < p.header().size(); c++) {
                int at = c;
                String samples = String.join(" · ", p.sample().stream().map(r -> at < r.size() ? r.get(at) : "").filter(v -> !v.isBlank())
                        .limit(3).toList());
                columns.add(new ColumnRow(p.header().get(c), samples, p.suggested().get(p.header().get(c))));
            }
            fields.clear();
            fields.addAll(p.fields());
        } catch (IOException e) {
            Messages.error("file: the upload could not be read (" + e.getMessage() + ")");
        }
    }

    /** Step two: the import started with the mapping chosen; the page then follows it. */
    public String start() {
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.forEach(c -> mapping.put(c.getColumn(), c.getField().isBlank() ? null : c.getField()));
        Boolean syncNow = sync.equals("now") ? Boolean.TRUE : sync.equals("skip") ? Boolean.FALSE : null;
        String user = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
        Imports.ImportView started = Messages.answer(() -> imports.startPrepared(upload, fileName, mapping,
                UpsertOptions.api(updateOnly, dontOverwriteNonEmpty, syncNow), user));
        return started == null ? null : "imports.xhtml?faces-redirect=true&id=" + started.id();
    }

    public void stop() {
        Messages.call("Stopping after the current chunk; restart goes on from there.", () -> imports.stop(importId));
    }

    public void restart() {
        Messages.call("Restarted from its last checkpoint.", () -> imports.restart(importId));
    }

    /** The import followed, read once a request (the poll reads it again). */
    public Imports.ImportView current() {
        if (importId != null && shownFor != FacesContext.getCurrentInstance()) {
            shownFor = FacesContext.getCurrentInstance();
            shown = Messages.answer(() -> imports.get(importId));
        }
        return shown;
    }

    public boolean isFollowing() {
        return importId != null && current() != null;
    }

    public boolean isMapping() {
        return importId == null && upload != null;
    }

    public String getStatus() {
        return current() == null ? "" : current().status();
    }

    public boolean isRunning() {
        return getStatus().matches("queued|running");
    }

    public boolean isRestartable() {
        return getStatus().matches("failed|stopped");
    }

    /** Rows done of the file's rows, 0–100. */
    public int getPercent() {
        Imports.ImportView v = current();
        if (v == null || v.totalRows() == null || v.totalRows() == 0) {
            return -1;
        }
        return (int) Math.min(100, 100L * v.rowsDone() / v.totalRows());
    }

    public String getCounts() {
        Imports.ImportView v = current();
        return v == null ? "" : v.rowsDone() + " of " + v.totalRows() + " rows: " + v.created() + " created, " + v.updated() + " updated, "
                + v.failed() + " failed";
    }

    public String getImportName() {
        return current() == null ? "" : current().fileName();
    }

    /** The first 100 row errors, as "row N, column: message". */
    public List<String> getErrors() {
        Imports.ImportView v = current();
        return v == null ? List.of() : v.errors().stream().map(e -> "row " + e.row() + (e.column() == null ? "" : ", " + e.column()) + ": "
                + e.message()).toList();
    }

    public Long getImportId() {
        return importId;
    }

    public Part getFile() {
        return null;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public int getRows() {
        return rows;
    }

    public List<ColumnRow> getColumns() {
        return columns;
    }

    public List<String> getFields() {
        return fields;
    }

    public boolean isUpdateOnly() {
        return updateOnly;
    }

    public void setUpdateOnly(boolean updateOnly) {
        this.updateOnly = updateOnly;
    }

    public boolean isDontOverwriteNonEmpty() {
        return dontOverwriteNonEmpty;
    }

    public void setDontOverwriteNonEmpty(boolean dontOverwriteNonEmpty) {
        this.dontOverwriteNonEmpty = dontOverwriteNonEmpty;
    }

    public String getSync() {
        return sync;
    }

    public void setSync(String sync) {
        this.sync = sync == null ? "" : sync;
    }
}
