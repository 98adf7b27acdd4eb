package io.tandem.application;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.sync.inbound.ImportRefusedException;
import io.tandem.sync.inbound.InboundPoller;
import io.tandem.sync.OrgGuard;
import io.tandem.sync.inbound.InitialImport;
import io.tandem.sync.inbound.OrgSwitch;
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
    @Inject
    OrgSwitch orgSwitch;

    /**
     * The org the links were made with and the org Tandem is logged in to; when they differ, nothing syncs
     * until an admin chooses (§4).
     */
    public record OrgView(String linkedOrgId, String connectedOrgId, boolean changed, Instant noticedAt, String message) {

        static OrgView of(InboundState.Org o) {
            return new OrgView(o.linked(), o.connected(), o.changed(), o.noticedAt(), OrgGuard.reason(o));
        }
    }

    /** What starting over cleared. */
    public record StartedOver(OrgView org, int contactsUnlinked, int companiesUnlinked, ImportView importStatus) {
    }

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
        if (parameters != null) {
            whole(parameters, "chunkSize", 1, 10_000);
            whole(parameters, "bulkThreshold", 0, 100_000_000);
        }
        try {
            initialImport.start(fresh, parameters);
        } catch (ImportRefusedException e) {
            throw refused(e);
        }
        return status();
    }

    /** A job parameter given as a whole number within bounds (pages of more records hold more of the heap), or refused naming it. */
    private static void whole(Map<String, String> parameters, String name, int least, int most) {
        String given = parameters.get(name);
        if (given == null) {
            return;
        }
        try {
            int n = Integer.parseInt(given.trim());
            if (n >= least && n <= most) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException(name, String.format("must be a whole number from %,d to %,d", least, most));
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

    public OrgView org() {
        return OrgView.of(state.org());
    }

    /** The org changed but the records are the same (a new address for the same data): the links stay valid. */
    @RolesAllowed(Roles.ADMIN)
    public OrgView keepLinks() {
        InboundState.Org o = changedOrg();
        state.orgAdopted(o.connected());
        return org();
    }

    /**
     * Another org for good: every link and watermark cleared (contacts, companies and history stay), the
     * new org adopted, and a fresh initial import started, which links records by email.
     */
    @RolesAllowed(Roles.ADMIN)
    public StartedOver startOver() {
        InboundState.Org o = changedOrg();
        if (state.importStatus().isRunning()) {
            throw new ConflictException("import", "the initial import is running; stop it first (POST /api/sync/import/stop)");
        }
        OrgSwitch.Cleared cleared = orgSwitch.clearLinks();
        state.orgAdopted(o.connected());
        try {
            initialImport.start(true, null);
        } catch (ImportRefusedException e) {
            throw refused(e);
        }
        return new StartedOver(org(), cleared.contacts(), cleared.companies(), status());
    }

    private InboundState.Org changedOrg() {
        InboundState.Org o = state.org();
        if (!o.changed()) {
            throw new ConflictException("org", "Tandem is connected to the org its links were made with ("
                    + (o.connected() == null ? "none seen yet" : o.connected()) + "); there is nothing to choose");
        }
        return o;
    }

    private static RuntimeException refused(ImportRefusedException e) {
        return e.isConflict() ? new ConflictException("import", e.getMessage()) : new InvalidRequestException("connection", e.getMessage());
    }
}
