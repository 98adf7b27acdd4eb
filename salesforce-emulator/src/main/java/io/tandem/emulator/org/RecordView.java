package io.tandem.emulator.org;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records as the REST API shows them: {@code attributes}, then fields, parents as nested objects. */
public final class RecordView {

    private RecordView() {
    }

    public static Map<String, Object> attributes(Record r, String version) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", r.type().name());
        a.put("url", "/services/data/" + version + "/sobjects/" + r.type().name() + "/" + r.id());
        return a;
    }

    /** Every field of the record, as a single-record GET answers. */
    public static Map<String, Object> all(Record r, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributes", attributes(r, version));
        for (FieldDef f : r.type().fields()) {
            m.put(f.name(), wire(r, f));
        }
        return m;
    }

    /**
     * The selected fields; a path of several segments ({@code Account.Website}) nests the parent with
     * its own attributes, or {@code null} when the reference is empty.
     */
    public static Map<String, Object> select(Org org, Record r, List<List<String>> paths, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributes", attributes(r, version));
        for (List<String> path : paths) {
            put(org, r, m, path, 0, version);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void put(Org org, Record r, Map<String, Object> into, List<String> path, int at, String version) {
        String segment = path.get(at);
        if (at == path.size() - 1) {
            FieldDef f = r.type().requireField(segment);
            into.put(f.name(), wire(r, f));
            return;
        }
        FieldDef ref = r.type().relationship(segment);
        String key = ref.relationshipName();
        Record parent = parent(org, r, ref);
        if (parent == null) {
            into.putIfAbsent(key, null);
            return;
        }
        Object existing = into.get(key);
        Map<String, Object> nested = existing instanceof Map ? (Map<String, Object>) existing : null;
        if (nested == null) {
            nested = new LinkedHashMap<>();
            nested.put("attributes", attributes(parent, version));
            into.put(key, nested);
        }
        put(org, parent, nested, path, at + 1, version);
    }

    /** The stored value at the end of a path, for WHERE and ORDER BY; null when a reference is empty. */
    public static Object resolve(Org org, Record r, List<String> path) {
        Record current = r;
        for (int i = 0; i < path.size() - 1; i++) {
            current = parent(org, current, current.type().relationship(path.get(i)));
            if (current == null) {
                return null;
            }
        }
        FieldDef f = current.type().field(path.get(path.size() - 1));
        return f.derived() ? Behaviours.derived(current, f) : current.get(f);
    }

    /**
     * One path read from many records (a Bulk result's column), in wire form as {@link #wire} gives it: what
     * {@link #resolve} reads, with its fields, and the final one's slot, looked up once for the type met at each step
     * rather than by name for every record (the types of a column's records rarely change, so the last one met is kept).
     */
    public static final class Column {

        private final Org org;
        private final Parents parents;
        private final List<String> path;
        private final ObjectDef[] types;
        private final FieldDef[] fields;
        private int slot;

        /** {@code parents} shared by the columns of one result, so that a row's parent is found once for all of them. */
        public Column(Org org, Parents parents, List<String> path) {
            this.org = org;
            this.parents = parents;
            this.path = path;
            this.types = new ObjectDef[path.size()];
            this.fields = new FieldDef[path.size()];
        }

        public Object wire(Record r) {
            Record current = r;
            int last = path.size() - 1;
            for (int i = 0; i < last; i++) {
                current = parents.of(org, current, field(i, current.type()));
                if (current == null) {
                    return null;
                }
            }
            FieldDef f = field(last, current.type());
            if (f.derived()) {
                return RecordView.wire(current, f);
            }
            return RecordView.wire(f, current.valueAt(slot));
        }

        private FieldDef field(int at, ObjectDef type) {
            if (types[at] != type) {
                FieldDef f = at < path.size() - 1 ? type.relationship(path.get(at)) : type.field(path.get(at));
                if (at == path.size() - 1 && !f.derived()) {
                    slot = type.slot(f);
                }
                types[at] = type;
                fields[at] = f;
            }
            return fields[at];
        }
    }

    /** The parent last found, kept for the next column of the same row naming the same relationship. */
    public static final class Parents {

        private Record child;
        private FieldDef ref;
        private Record parent;

        Record of(Org org, Record r, FieldDef via) {
            if (r != child || via != ref) {
                child = r;
                ref = via;
                parent = parent(org, r, via);
            }
            return parent;
        }
    }

    private static Record parent(Org org, Record r, FieldDef ref) {
        Object id = r.get(ref);
        return id == null ? null : org.find((String) id);
    }

    /** A field's value on the wire: date-times in Salesforce's format, dates as yyyy-MM-dd. */
    public static Object wire(Record r, FieldDef f) {
        Object v = f.derived() ? Behaviours.derived(r, f) : r.get(f);
        return wire(f, v);
    }

    public static Object wire(FieldDef f, Object v) {
        if (v == null) {
            return null;
        }
        if (f.type() == FieldType.DATETIME) {
            return SfTime.format((Long) v);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v;
    }
}
