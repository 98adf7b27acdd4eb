package io.tandem.interfaces.web;

import io.tandem.application.ContactDetails;
import io.tandem.application.Contacts;
import io.tandem.application.Page;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contacts list: searched by text (email or names) and by link state, paged on the server whatever the
 * number of contacts (the list's cursors are kept per page, so a page is one indexed query after the last).
 */
@Named
@ViewScoped
public class ContactsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Contacts contacts;

    private String text;
    private String linked = "";
    private ContactModel model;

    @PostConstruct
    void init() {
        model = new ContactModel();
    }

    /** The search form: a new search starts from the first page. */
    public void search() {
        model = new ContactModel();
    }

    /** A contact as a row shows it (the page's EL reads JavaBeans getters). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String email;
        private final String name;
        private final String title;
        private final String salesforce;
        private final String source;

        Row(ContactDetails c) {
            id = c.id();
            email = c.email();
            name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).trim();
            title = c.title() == null ? "" : c.title();
            salesforce = c.salesforce() == null ? "" : c.salesforce().deleted() ? "deleted there" : c.salesforce().type() + " " + c.salesforce().id();
            source = c.systemSource();
        }

        public long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }

        public String getName() {
            return name;
        }

        public String getTitle() {
            return title;
        }

        public String getSalesforce() {
            return salesforce;
        }

        public String getSource() {
            return source;
        }
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getLinked() {
        return linked;
    }

    public void setLinked(String linked) {
        this.linked = linked;
    }

    private Boolean linkedFilter() {
        return linked == null || linked.isBlank() ? null : Boolean.valueOf(linked);
    }

    /** Pages through the list's cursors: page k starts after the cursor page k-1 ended with. */
    final class ContactModel extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;
        private final Map<Integer, String> cursorBefore = new HashMap<>(Map.of(0, ""));
        private Integer counted;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            if (counted == null) {
                counted = (int) Math.min(Integer.MAX_VALUE, contacts.list(null, blank(text), null, linkedFilter(), null, 1).total());
            }
            return counted;
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int page = first / pageSize;
            int known = cursorBefore.keySet().stream().filter(k -> k <= page).max(Integer::compare).orElse(0);
            Page<ContactDetails> p = null;
            for (int k = known; k <= page; k++) {
                String cursor = cursorBefore.get(k);
                p = contacts.list(null, blank(text), null, linkedFilter(), cursor == null || cursor.isEmpty() ? null : cursor, pageSize);
                if (p.next() == null) {
                    break;
                }
                cursorBefore.put(k + 1, p.next());
            }
            setRowCount((int) Math.min(Integer.MAX_VALUE, p.total()));
            counted = getRowCount();
            return p.items().stream().map(Row::new).toList();
        }

        @Override
        public String getRowKey(Row c) {
            return Long.toString(c.getId());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
