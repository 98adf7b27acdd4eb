package io.tandem.sync;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.service.SalesforceGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * §4: links and watermarks belong to one org. Pointed at another (a new login URL or client, as when
 * moving from a sandbox to production), Tandem would link records by ids that mean nothing there and
 * poll from a watermark of another org's history; so every sync path asks here first, and nothing syncs
 * until an admin starts over with the new org or keeps the links (same org, new address).
 */
@ApplicationScoped
public class OrgGuard {

    @Inject
    InboundState state;

    /** The org this instance last recorded, so the row is written only when the login's org changes. */
    private volatile String recorded;

    /** Why syncing must stop now, or null when the gateway's org is the links' org (or the first one seen). */
    public String stopReason(SalesforceGateway gateway) {
        String org = gateway.organizationId();
        if (org != null && !org.equals(recorded)) {
            state.orgConnected(org);
            recorded = org;
        }
        return reason(state.org());
    }

    /** The words for a changed org, or null when it has not changed. */
    public static String reason(InboundState.Org org) {
        return org.changed() ? "connected to the Salesforce org " + org.connected() + ", but the links and watermarks were made with "
                + org.linked() + ": nothing syncs until an admin starts over with this org or keeps the links (POST /api/sync/org)" : null;
    }
}
