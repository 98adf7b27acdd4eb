package io.tandem.interfaces.web;

import io.tandem.application.SyncOverview;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The overview page: read once per request, so the getters stay free of side effects. */
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

    // Expression Language 5 cannot read record components, hence plain getters.
    public int getDrainIntervalSeconds() {
        return overview.scheduler().drainIntervalSeconds();
    }

    public long getDrainTicks() {
        return overview.scheduler().drainTicks();
    }

    public String getLastDrainTick() {
        return overview.scheduler().lastDrainTick() == null ? "not yet" : overview.scheduler().lastDrainTick().toString();
    }
}
