package io.tandem.application;

import io.tandem.domain.model.sync.Outbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Failed outbound entries back in the queue after a fix: one by one, per batch (log entry), or per time window. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class SyncReplay {

    /** What to replay: entry ids, the log entry of a batch, or a window of failure times; at least one. */
    public record Request(@MaxSize(value = MAX_IDS, message = "at most 10,000 ids per call") List<@NotNull Long> ids, Long logId,
                          @MaxSize(64) String from, @MaxSize(64) String to) {
    }

    static final int MAX_IDS = 10_000;

    public record Result(int requeued) {
    }

    @Inject
    Outbox outbox;

    public Result replay(Request r) {
        if (r == null || ((r.ids() == null || r.ids().isEmpty()) && r.logId() == null && r.from() == null && r.to() == null)) {
            throw new InvalidRequestException("ids", "say what to replay: ids, logId, or a from/to window");
        }
        if (r.ids() != null && r.ids().size() > MAX_IDS) {
            throw new InvalidRequestException("ids", "at most 10,000 ids per call");
        }
        return new Result(outbox.replay(new Outbox.Replay(r.ids(), r.logId(), Instants.parse("from", r.from()), Instants.parse("to", r.to()))));
    }

    /** One record's failed entries of one batch (a sync log entry), back in the queue. */
    public Result replayRecord(long logId, long recordId) {
        return new Result(outbox.replay(new Outbox.Replay(null, logId, null, null, recordId)));
    }
}
