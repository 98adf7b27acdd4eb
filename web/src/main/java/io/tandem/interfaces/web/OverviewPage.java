package io.tandem.interfaces.web;

import io.tandem.application.InboundSync;
import io.tandem.application.SyncOverview;
import io.tandem.application.SyncSettingsService;
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

    @Inject
    SyncSettingsService settings;

    private SyncOverview.Overview overview;
    private Integer limit;
    private Integer reserve;

    @PostConstruct
    void load() {
        overview = service.current();
        limit = overview.apiCalls().tandemLimit();
        reserve = overview.apiCalls().reservePercent();
    }

    /** Tandem's calls in the last 24 h, with its limit when it has one. */
    public String getTandemUsed() {
        SyncOverview.ApiCalls a = overview.apiCalls();
        return Shown.count(a.tandem24h()) + (a.tandemLimit() == null ? " (no limit of its own)" : " of " + Shown.count(a.tandemLimit()));
    }

    /** How much of Tandem's limit is used, 0 to 100; -1 without a limit. */
    public int getTandemPercent() {
        SyncOverview.ApiCalls a = overview.apiCalls();
        return a.tandemLimit() == null || a.tandemLimit() == 0 ? -1 : (int) Math.min(100, a.tandem24h() * 100 / a.tandemLimit());
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getReserve() {
        return reserve;
    }

    public void setReserve(Integer reserve) {
        this.reserve = reserve;
    }

    /** Saves Tandem's limit and the reserve, the other settings as they are (admins only, checked by the service too). */
    public void saveLimits() {
        SyncSettingsService.Settings s = settings.current();
        Messages.call("Limits saved", () -> settings.change(new SyncSettingsService.Settings(s.syncLeads(), s.syncContacts(), s.syncAccounts(),
                s.writeContacts(), s.writeCompanies(), s.writeCampaigns(), s.writeCampaignMembers(), s.createAs(), s.linkAccountsByDomain(),
                s.createAccounts(), s.syncOnCreate(), limit, reserve == null ? 0 : reserve, s.drainSeconds(), s.pollSeconds())));
        overview = service.current();
    }

    public String getChart24() {
        return Charts.history(service.history(24), "HH:mm");
    }

    public String getChart7d() {
        return Charts.history(service.history(24 * 7), "EEE HH:mm");
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
