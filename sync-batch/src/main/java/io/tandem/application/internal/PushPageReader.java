package io.tandem.application.internal;

import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The contacts an action's filter chooses, {@value #PAGE} ids at a time in id order (checkpoint: the last
 * contact id read), for the {@code salesforce-push} job.
 */
@Named
@Dependent
public class PushPageReader extends AbstractItemReader {

    static final int PAGE = 1000;

    @Inject
    @BatchProperty
    String action;
    @Inject
    ActionRepository actions;
    @Inject
    ContactRepository contacts;

    private long after;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof Long last ? last : 0L;
    }

    @Override
    public Object readItem() {
        var a = actions.find(Long.parseLong(action)).orElseThrow(() -> new IllegalStateException("no action " + action));
        List<Long> ids = new ArrayList<>(PAGE);
        for (Contact c : contacts.page(ActionSelections.stored(a.selection()), after, PAGE)) {
            ids.add(c.id());
        }
        if (ids.isEmpty()) {
            return null;
        }
        after = ids.get(ids.size() - 1);
        return new ArrayList<>(ids);
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
