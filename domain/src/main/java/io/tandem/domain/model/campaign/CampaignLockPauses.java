package io.tandem.domain.model.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * The pause every Tandem instance keeps before writing a campaign's members again, after Salesforce could
 * not lock that campaign (§5): kept on the campaign, so all instances see it, each change committed at
 * once (no caller's transaction: the drain holds none across its calls).
 */
public interface CampaignLockPauses {

    /** Until when the campaign's members wait; empty when they need not. */
    Optional<Instant> pausedUntil(long campaignId, Instant now);

    /** One more refusal in a row: the campaign pauses as {@link LockBackoff} says; answers until when. */
    Instant refused(long campaignId, Instant now);

    /** A write went through: the next refusal starts from the shortest pause again. */
    void wrote(long campaignId);
}
