package io.tandem.domain.model.contact;

import java.util.Collection;
import java.util.List;

/** Where the conflicts inbox is kept. */
public interface FieldConflictRepository {

    void add(FieldConflict c);

    List<FieldConflict> findAll(Collection<Long> ids);

    /** Open conflicts (or all when {@code open} is false), newest first, before the given id (0: from the newest). */
    List<FieldConflict> page(boolean open, long beforeId, int limit);

    long count(boolean open);
}
