package io.tandem.emulator.http;

/**
 * API requests in the rolling 24 hours, counted in one-minute buckets, as Sforce-Limit-Info and
 * /limits report them.
 */
public final class ApiUsage {

    private static final int MINUTES = 24 * 60;

    private final long[] buckets = new long[MINUTES];
    private final long[] bucketMinute = new long[MINUTES];

    public synchronized long count(long nowMillis) {
        long minute = nowMillis / 60_000;
        int i = (int) (minute % MINUTES);
        if (bucketMinute[i] != minute) {
            bucketMinute[i] = minute;
            buckets[i] = 0;
        }
        buckets[i]++;
        return used(nowMillis);
    }

    public synchronized long used(long nowMillis) {
        long minute = nowMillis / 60_000;
        long total = 0;
        for (int i = 0; i < MINUTES; i++) {
            if (minute - bucketMinute[i] < MINUTES) {
                total += buckets[i];
            }
        }
        return total;
    }

    /** Sets the count as if {@code used} calls had been made in this minute (a test's starting point). */
    public synchronized void set(long used, long nowMillis) {
        java.util.Arrays.fill(buckets, 0);
        java.util.Arrays.fill(bucketMinute, 0);
        long minute = nowMillis / 60_000;
        int i = (int) (minute % MINUTES);
        bucketMinute[i] = minute;
        buckets[i] = used;
    }
}
