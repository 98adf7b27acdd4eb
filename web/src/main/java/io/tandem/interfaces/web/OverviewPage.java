package io.tandem.interfaces.web;

import io.tandem.application.InboundSync;
import io.tandem.application.SyncOverview;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The overview page (§8): read once per request, so the getters stay free of side effects. */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    SyncOverview service;

    private SyncOverview.Overview overview;

    @PostConstruct
    void load() {
        overview = service.current();
    }

    public boolean isConnected() {
        return overview.connected();
    }

    public List<Line> getOutbound() {
        SyncOverview.Outbound o = overview.outbound();
        return List.of(
                new Line("queued", "Queued changes", Shown.count(o.queued())),
                new Line("oldest", "Oldest queued", Shown.seconds(o.oldestQueuedSeconds())),
                new Line("last-drain", "Last drain", Shown.time(o.lastDrain()) + (o.lastDrain() == null ? "" : ", " + o.lastDrainSent() + " sent")),
                new Line("paused", "Paused", Shown.orNone(o.pausedReason())),
                new Line("last-error", "Last error", Shown.orNone(o.lastError())));
    }

    public List<Line> getApiCalls() {
        SyncOverview.ApiCalls a = overview.apiCalls();
        return List.of(
                new Line("tandem-24h", "Tandem, last 24 h", Shown.count(a.tandem24h())
                        + (a.tandemLimit() == null ? " (no limit of its own)" : " of its limit " + Shown.count(a.tandemLimit()))),
                new Line("org", "The org today", a.orgMax() == null ? "not read yet"
                        : Shown.count(a.orgUsed()) + " of " + Shown.count(a.orgMax()) + ", " + a.reservePercent() + " % kept for others"));
    }

    public List<Line> getInbound() {
        SyncOverview.Inbound i = overview.inbound();
        InboundSync.PollView poll = i.lastPoll();
        return List.of(
                new Line("import", "Initial import", i.importStatus() + ", " + Shown.count(i.importDone()) + " of "
                        + Shown.count(i.importTotal()) + " records"),
                new Line("last-poll", "Last poll", poll == null ? "not yet" : Shown.time(poll.at()) + ": " + poll.outcome()
                        + ", " + poll.apiCalls() + " API call" + (poll.apiCalls() == 1 ? "" : "s")));
    }

    public int getDrainIntervalSeconds() {
        return overview.scheduler().drainIntervalSeconds();
    }

    public long getDrainTicks() {
        return overview.scheduler().drainTicks();
    }

    public String getLastDrainTick() {
        return Shown.time(overview.scheduler().lastDrainTick());
    }
}
