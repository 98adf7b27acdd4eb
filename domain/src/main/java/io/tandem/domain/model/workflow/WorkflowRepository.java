package io.tandem.domain.model.workflow;

import java.util.List;
import java.util.Optional;

/** Where workflows and their runs are kept. */
public interface WorkflowRepository {

    List<Workflow> all();

    List<Workflow> active();

    Optional<Workflow> find(long id);

    Optional<Workflow> named(String name);

    /** Adds it; its id is known on return. */
    void add(Workflow w);

    void remove(Workflow w);

    void add(WorkflowRun run);

    /** A workflow's runs, newest first, before the given id (0: from the newest). */
    List<WorkflowRun> runs(long workflowId, long beforeId, int limit);

    long countRuns(long workflowId);
}
