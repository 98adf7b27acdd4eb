package io.tandem.application.internal;

import io.tandem.domain.model.action.ActionRepository;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.List;

/** A page of an action's contacts made its targets, in the chunk's transaction (with its checkpoint); the step counts them as it goes. */
@Named
@Dependent
public class PushPageWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String action;
    @Inject
    ActionRepository actions;
    @Inject
    ActionTargets targets;
    @Inject
    StepContext step;

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        var a = actions.find(Long.parseLong(action)).orElseThrow(() -> new IllegalStateException("no action " + action));
        long added = 0;
        long read = 0;
        for (Object item : items) {
            List<Long> ids = (List<Long>) item;
            read += ids.size();
            added += targets.target(a, ids);
        }
        LinkedHashMap<String, Long> progress = step.getPersistentUserData() instanceof LinkedHashMap<?, ?> m
                ? (LinkedHashMap<String, Long>) m : new LinkedHashMap<>();
        progress.merge("contacts", read, Long::sum);
        progress.merge("queued", added, Long::sum);
        step.setPersistentUserData(progress);
    }
}
