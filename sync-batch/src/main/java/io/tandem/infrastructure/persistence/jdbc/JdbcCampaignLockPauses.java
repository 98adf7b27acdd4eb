package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.campaign.CampaignLockPauses;
import io.tandem.domain.model.campaign.LockBackoff;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lock pauses kept on the campaigns table, written through the non-transactional pool: each change
 * is seen by every instance as soon as it is made, and touches neither the campaign's version nor a
 * transaction of the caller's.
 */
@ApplicationScoped
public class JdbcCampaignLockPauses implements CampaignLockPauses {

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    @Override
    public Optional<Instant> pausedUntil(long campaignId, Instant now) {
        Instant until = Sql.query(nontx, "Reading a campaign's lock pause", "SELECT sf_locked_until FROM campaigns WHERE id = ?",
                List.of(campaignId), rs -> rs.next() ? Sql.instant(rs.getTimestamp(1)) : null);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    @Override
    public Instant refused(long campaignId, Instant now) {
        int attempts = Sql.query(nontx, "Reading a campaign's lock refusals", "SELECT sf_lock_attempts FROM campaigns WHERE id = ?",
                List.of(campaignId), rs -> rs.next() ? rs.getInt(1) : 0) + 1;
        Instant until = now.plus(LockBackoff.pause(attempts, ThreadLocalRandom.current().nextDouble()));
        Sql.update(nontx, "Pausing a campaign's member writes", "UPDATE campaigns SET sf_lock_attempts = ?, sf_locked_until = ? WHERE id = ?",
                attempts, until, campaignId);
        return until;
    }

    @Override
    public void wrote(long campaignId) {
        Sql.update(nontx, "Ending a campaign's lock pause", "UPDATE campaigns SET sf_lock_attempts = 0, sf_locked_until = NULL "
                + "WHERE id = ? AND sf_lock_attempts > 0", campaignId);
    }
}
