package io.tandem.infrastructure.salesforce;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record's fields read from Bulk results, as a map that cannot change: the names, and where each stands, shared
 * by every record of the read; the values the record's own. A hash map of its own for each record was a tenth of an
 * import's garbage and most of reading a row; a lookup now goes to one small table every record shares.
 */
final class RowFields extends AbstractMap<String, Object> {

    /** The field names of a read, each once, in the order asked for. */
    static final class Names {
        final List<String> names;
        private final Map<String, Integer> slots = new HashMap<>();

        Names(List<String> fields) {
            this.names = List.copyOf(new LinkedHashSet<>(fields));
            for (int i = 0; i < names.size(); i++) {
                slots.put(names.get(i), i);
            }
        }
    }

    private final Names names;
    private final Object[] values;

    /** The values of {@code names}, in their order. */
    RowFields(Names names, Object[] values) {
        if (values.length != names.names.size()) {
            throw new IllegalArgumentException(values.length + " values for " + names.names.size() + " fields");
        }
        this.names = names;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer slot = names.slots.get(key);
        return slot == null ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.slots.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.names.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
