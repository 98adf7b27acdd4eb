package io.tandem.emulator.http;

import java.util.Map;
import java.util.Random;

/**
 * Injected trouble, set through {@code /__emulator/config}: latency before a call and a delay of its answer
 * after it was carried out, a share of calls failing with 503,
 * UNABLE_TO_LOCK_ROW or a dropped connection, the next N calls failing, an outage window, and the next N
 * sObject Collections calls writing campaign members refusing each of them because their Campaign is
 * locked ({@code campaignMemberLocks}), as Salesforce answers while others write the same campaign.
 */
public final class Faults {

    /** What to do to one call. */
    public enum Kind { NONE, SERVER_UNAVAILABLE, UNABLE_TO_LOCK_ROW, DROP_CONNECTION, REQUEST_LIMIT_EXCEEDED, INVALID_SESSION }

    private final Random random = new Random(42);
    private volatile long latencyMillis;
    private volatile long answerDelayMillis;
    private volatile double unavailableShare;
    private volatile double lockShare;
    private volatile double dropShare;
    private volatile long outageFrom;
    private volatile long outageUntil;
    private int failNext;
    private Kind failNextKind = Kind.NONE;
    private int campaignMemberLocks;

    public synchronized Kind decide(long nowMillis) {
        if (nowMillis >= outageFrom && nowMillis < outageUntil) {
            return Kind.SERVER_UNAVAILABLE;
        }
        if (failNext > 0) {
            failNext--;
            return failNextKind;
        }
        double roll = random.nextDouble();
        if (roll < unavailableShare) {
            return Kind.SERVER_UNAVAILABLE;
        }
        if (roll < unavailableShare + lockShare) {
            return Kind.UNABLE_TO_LOCK_ROW;
        }
        if (roll < unavailableShare + lockShare + dropShare) {
            return Kind.DROP_CONNECTION;
        }
        return Kind.NONE;
    }

    /** Whether this call writing campaign members finds their Campaign locked (counts one of the configured calls). */
    public synchronized boolean campaignLocked() {
        if (campaignMemberLocks > 0) {
            campaignMemberLocks--;
            return true;
        }
        return false;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** How long an answer waits after the call was carried out (a client that dies meanwhile never learns what it did). */
    public long answerDelayMillis() {
        return answerDelayMillis;
    }

    public synchronized void configure(Map<String, Object> faults, long nowMillis) {
        latencyMillis = number(faults, "latencyMs", 0).longValue();
        answerDelayMillis = number(faults, "answerDelayMs", 0).longValue();
        unavailableShare = number(faults, "serverUnavailableRate", 0).doubleValue();
        lockShare = number(faults, "unableToLockRowRate", 0).doubleValue();
        dropShare = number(faults, "dropConnectionRate", 0).doubleValue();
        long outageSeconds = number(faults, "outageSeconds", 0).longValue();
        outageFrom = outageSeconds > 0 ? nowMillis : 0;
        outageUntil = outageSeconds > 0 ? nowMillis + outageSeconds * 1000 : 0;
        failNext = number(faults, "failNext", 0).intValue();
        Object kind = faults.get("failNextWith");
        failNextKind = kind == null ? Kind.SERVER_UNAVAILABLE : Kind.valueOf(kind.toString());
        campaignMemberLocks = number(faults, "campaignMemberLocks", 0).intValue();
    }

    public synchronized Map<String, Object> describe() {
        return Map.of("latencyMs", latencyMillis, "answerDelayMs", answerDelayMillis, "serverUnavailableRate", unavailableShare,
                "unableToLockRowRate", lockShare, "dropConnectionRate", dropShare,
                "failNext", failNext, "failNextWith", failNextKind.name(), "campaignMemberLocks", campaignMemberLocks);
    }

    private static Number number(Map<String, Object> m, String key, Number fallback) {
        Object v = m.get(key);
        return v instanceof Number n ? n : fallback;
    }
}
