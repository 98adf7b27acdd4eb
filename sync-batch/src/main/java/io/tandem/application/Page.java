package io.tandem.application;

import java.util.List;

/** One page of a list: the items, how many match in all, and the cursor of the next page (null at the end). */
public record Page<T>(List<T> items, long total, String next) {
}
