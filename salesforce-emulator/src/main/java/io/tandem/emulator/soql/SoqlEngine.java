package io.tandem.emulator.soql;

import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.FieldType;
import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * Runs a parsed query over the org: filter, order (top-N with a heap when there is a LIMIT), offset.
 * Text compares case-insensitively, as SOQL does; ids compare as written. Callers hold the read lock.
 */
public final class SoqlEngine {

    private final Org org;
    private final Soql query;
    private final Map<List<String>, FieldDef> fields = new HashMap<>();
    private final Map<String, Pattern> likes = new HashMap<>();

    private SoqlEngine(Org org, Soql query) {
        this.org = org;
        this.query = query;
    }

    /** The rows the query returns; {@code includeDeleted} for queryAll. */
    public static List<Record> run(Org org, Soql query, boolean includeDeleted) {
        return new SoqlEngine(org, query).run(includeDeleted);
    }

    private List<Record> run(boolean includeDeleted) {
        Comparator<Record> order = comparator();
        int wanted = query.limit() == null ? Integer.MAX_VALUE : query.limit() + query.offset();
        List<Record> rows;
        if (order != null && wanted < 50_000) {
            PriorityQueue<Record> heap = new PriorityQueue<>(Math.max(1, Math.min(wanted, 10_000)), order.reversed());
            for (Record r : org.rows(query.from())) {
                if (matches(r, includeDeleted)) {
                    heap.add(r);
                    if (heap.size() > wanted) {
                        heap.poll();
                    }
                }
            }
            rows = new ArrayList<>(heap);
            rows.sort(order);
        } else {
            rows = new ArrayList<>();
            for (Record r : org.rows(query.from())) {
                if (matches(r, includeDeleted)) {
                    rows.add(r);
                    if (order == null && rows.size() >= wanted) {
                        break;
                    }
                }
            }
            if (order != null) {
                rows = sorted(rows);
            }
        }
        int from = Math.min(query.offset(), rows.size());
        int to = (int) Math.min(rows.size(), (long) from + (query.limit() == null ? Integer.MAX_VALUE : query.limit()));
        return rows.subList(from, to);
    }

    private boolean matches(Record r, boolean includeDeleted) {
        if (r.isDeleted() && !includeDeleted) {
            return false;
        }
        return query.where() == null || test(query.where(), r);
    }

    private boolean test(Soql.Condition c, Record r) {
        if (c instanceof Soql.And and) {
            for (Soql.Condition p : and.parts()) {
                if (!test(p, r)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof Soql.Or or) {
            for (Soql.Condition p : or.parts()) {
                if (test(p, r)) {
                    return true;
                }
            }
            return false;
        }
        if (c instanceof Soql.Not not) {
            return !test(not.inner(), r);
        }
        if (c instanceof Soql.In in) {
            FieldDef f = field(in.path());
            Object v = value(r, in.path());
            boolean found = false;
            for (Object candidate : in.values()) {
                if (equal(f, v, candidate)) {
                    found = true;
                    break;
                }
            }
            return found != in.negated();
        }
        if (c instanceof Soql.Like like) {
            Object v = value(r, like.path());
            return v != null && likePattern(like.pattern()).matcher(v.toString()).matches();
        }
        Soql.Compare cmp = (Soql.Compare) c;
        FieldDef f = field(cmp.path());
        Object v = value(r, cmp.path(), f);
        return switch (cmp.op()) {
            case "=" -> equal(f, v, cmp.value());
            case "!=" -> !equal(f, v, cmp.value());
            default -> {
                if (v == null || cmp.value() == null) {
                    yield false;
                }
                int d = compare(f, v, cmp.value());
                yield switch (cmp.op()) {
                    case "<" -> d < 0;
                    case "<=" -> d <= 0;
                    case ">" -> d > 0;
                    default -> d >= 0;
                };
            }
        };
    }

    private Object value(Record r, List<String> path) {
        return value(r, path, field(path));
    }

    /** A plain field of the queried type is read straight from its slot; paths and derived fields resolve. */
    private Object value(Record r, List<String> path, FieldDef f) {
        if (path.size() == 1 && !f.derived()) {
            return r.get(f);
        }
        return RecordView.resolve(org, r, path);
    }

    private FieldDef field(List<String> path) {
        return fields.computeIfAbsent(path, p -> {
            ObjectDef type = query.from();
            for (int i = 0; i < p.size() - 1; i++) {
                type = org.schema().object(type.relationship(p.get(i)).referenceTo().get(0));
            }
            return type.field(p.get(p.size() - 1));
        });
    }

    private static boolean equal(FieldDef f, Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return compare(f, a, b) == 0;
    }

    static int compare(FieldDef f, Object a, Object b) {
        FieldType t = f.type();
        if (t == FieldType.ID || t == FieldType.REFERENCE) {
            return a.toString().compareTo(b.toString());
        }
        if (a instanceof String s) {
            return s.compareToIgnoreCase(b.toString());
        }
        if (a instanceof Number n) {
            return Double.compare(n.doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof LocalDate d) {
            return d.compareTo((LocalDate) b);
        }
        return Objects.toString(a).compareTo(Objects.toString(b));
    }

    private Comparator<Record> comparator() {
        if (query.orderBy().isEmpty()) {
            return null;
        }
        Comparator<Object[]> keys = keyOrder();
        return (x, y) -> keys.compare(sortKeys(x), sortKeys(y));
    }

    /** The ORDER BY values of a record, in its columns' order. */
    private Object[] sortKeys(Record r) {
        List<Soql.Order> orders = query.orderBy();
        Object[] keys = new Object[orders.size()];
        for (int i = 0; i < keys.length; i++) {
            List<String> path = orders.get(i).path();
            keys[i] = value(r, path, field(path));
        }
        return keys;
    }

    /** ORDER BY over records' sort keys: each column ascending or descending, its nulls first or last. */
    private Comparator<Object[]> keyOrder() {
        List<Soql.Order> orders = query.orderBy();
        FieldDef[] fields = new FieldDef[orders.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(orders.get(i).path());
        }
        return (x, y) -> {
            for (int i = 0; i < fields.length; i++) {
                Object a = x[i];
                Object b = y[i];
                Soql.Order o = orders.get(i);
                int d;
                if (a == null || b == null) {
                    d = a == b ? 0 : (a == null) == o.nullsFirst() ? -1 : 1;
                } else {
                    d = compare(fields[i], a, b);
                    d = o.descending() ? -d : d;
                }
                if (d != 0) {
                    return d;
                }
            }
            return 0;
        };
    }

    /** Sorted by ORDER BY, each record's sort keys read once rather than at every comparison (a Bulk query sorts millions). */
    private List<Record> sorted(List<Record> rows) {
        List<Map.Entry<Object[], Record>> keyed = new ArrayList<>(rows.size());
        for (Record r : rows) {
            keyed.add(Map.entry(sortKeys(r), r));
        }
        Comparator<Object[]> order = keyOrder();
        keyed.sort((x, y) -> order.compare(x.getKey(), y.getKey()));
        List<Record> out = new ArrayList<>(rows.size());
        for (Map.Entry<Object[], Record> e : keyed) {
            out.add(e.getValue());
        }
        return out;
    }

    private Pattern likePattern(String like) {
        return likes.computeIfAbsent(like, l -> {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (c == '\\' && i + 1 < l.length()) {
                    re.append(Pattern.quote(String.valueOf(l.charAt(++i))));
                } else if (c == '%') {
                    re.append(".*");
                } else if (c == '_') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        });
    }
}
