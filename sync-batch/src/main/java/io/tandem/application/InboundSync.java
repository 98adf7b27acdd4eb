package io.tandem.application;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.sync.inbound.ImportRefusedException;
import io.tandem.sync.inbound.InboundPoller;
import io.tandem.sync.inbound.InitialImport;
import io.tandem.sync.inbound.PollHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;

/**
 * Salesforce → Tandem as operators drive it: the initial import (start, resume, stop, progress) and a
 * poll on request. The import is the {@code salesforce-import} batch job; the poll runs by itself every
 * poll interval once the import has completed.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundSync {

    /** The import as the API shows it, with how far each object has been read. */
    public record ImportView(String status, Long executionId, long total, long done, String message, Instant startedAt,
                             Instant finishedAt, Map<String, Position> readUpTo) {
    }

    /** How far one object has been read: the SystemModstamp and Id of the last record. */
    public record Position(Instant systemModstamp, String lastId) {
    }

    /** A poll: when, what came of it, records read per object, API calls. */
    public record PollView(Instant at, String outcome, Map<String, Integer> records, int apiCalls) {

        static PollView of(InboundPoller.PollResult r) {
            return r == null ? null : new PollView(r.at(), r.outcome(), r.records(), r.apiCalls());
        }
    }

    @Inject
    InboundState state;
    @Inject
    InboundPoller poller;
    @Inject
    PollHistory history;
    @Inject
    InitialImport initialImport;

    public ImportView status() {
        InboundState.ImportStatus s = state.importStatus();
        Map<String, Position> positions = new java.util.LinkedHashMap<>();
        state.watermarks().forEach((object, w) -> positions.put(object, w.isBeginning() ? null : new Position(w.systemModstamp(), w.id())));
        return new ImportView(s.status(), s.executionId(), s.total(), s.done(), s.message(), s.startedAt(), s.finishedAt(),
                positions);
    }

    /**
     * Starts the initial import, or resumes one that did not complete; a completed one is done again
     * only when {@code fresh}.
     */
    @RolesAllowed(Roles.OPERATOR)
    public ImportView start(boolean fresh, Map<String, String> parameters) {
        try {
            initialImport.start(fresh, parameters);
        } catch (ImportRefusedException e) {
            throw refused(e);
        }
        return status();
    }

    @RolesAllowed(Roles.OPERATOR)
    public ImportView stop() {
        try {
            initialImport.stop();
        } catch (ImportRefusedException e) {
            throw refused(e);
        }
        return status();
    }

    @RolesAllowed(Roles.OPERATOR)
    public PollView pollNow() {
        return PollView.of(poller.poll("manual"));
    }

    public PollView lastPoll() {
        return PollView.of(history.last());
    }

    private static RuntimeException refused(ImportRefusedException e) {
        return e.isConflict() ? new ConflictException("import", e.getMessage()) : new InvalidRequestException("connection", e.getMessage());
    }
}
