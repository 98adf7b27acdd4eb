package io.tandem.infrastructure.csv;

import java.util.Arrays;

/** Where cells end in a text {@link CsvReader#nextInto} fills: a growing array of offsets, no boxing. */
public final class CellEnds {

    private int[] ends;
    private int size;

    public CellEnds(int capacity) {
        this.ends = new int[Math.max(capacity, 4)];
    }

    void add(int end) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, 2 * size);
        }
        ends[size++] = end;
    }

    /** The end of the {@code i}-th cell; the start of the one after it. */
    public int get(int i) {
        return ends[i];
    }

    public int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
