package io.tandem.domain.model.activity;

import java.util.Collection;
import java.util.List;

/** Where marketing events and Settings → Activity are kept. */
public interface ContactEventRepository {

    /** Adds events; their ids are known on return. */
    void addAll(List<ContactEvent> events);

    List<ContactEvent> findAll(Collection<Long> ids);

    /** A contact's events, newest first, before the given id (0: from the newest). */
    List<ContactEvent> ofContact(long contactId, long beforeId, int limit);

    long countOfContact(long contactId);

    EventSettings settings();
}
