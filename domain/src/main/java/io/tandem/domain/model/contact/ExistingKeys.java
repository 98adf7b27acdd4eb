package io.tandem.domain.model.contact;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A port reading the keys an import finds records by, as the marketing database holds them: the contacts'
 * Salesforce ids and email keys, the companies' Account ids. Each is unique in its table.
 */
public interface ExistingKeys {

    /** How many rows hold such keys, counted no further than {@code limit} (so a large database is not counted out). */
    long rowsUpTo(long limit);

    /** Every key, each given to {@code key} as it is read (streamed, never held in memory together). */
    void forEach(Consumer<String> key);

    /** The ids of the companies linked to Accounts, by Account id, where no more than {@code limit} are; else none. */
    Map<String, Long> accountCompanies(int limit);
}
