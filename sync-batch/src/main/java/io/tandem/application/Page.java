package io.tandem.application;

import java.util.List;

/** One page of a list: the items, how many match in all, and the cursor of the next page (null at the end). */
public record Page<T>(List<T> items, long total, String next) {

    /** A list that is never long enough to page: all of it, and no next page. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(List.copyOf(items), items.size(), null);
    }
}
