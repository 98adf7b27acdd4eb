package io.tandem.emulator.org;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: key prefix, pod "RO", a mixed-case base-62 sequence, and the three-letter
 * case checksum that makes the 18-character form unique without regard to case.
 */
public final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final AtomicLong sequence;

    public Ids(long start) {
        this.sequence = new AtomicLong(start);
    }

    /** A new 18-character id with the given key prefix. */
    public String next(String keyPrefix) {
        long n = sequence.incrementAndGet();
        // scramble so consecutive ids differ in case across the whole sequence part
        long mixed = (n * 0x9E3779B97F4A7C15L) >>> 4;
        StringBuilder sb = new StringBuilder(18).append(keyPrefix).append("RO");
        char[] digits = new char[10];
        for (int i = 9; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) Long.remainderUnsigned(mixed, 62));
            mixed = Long.divideUnsigned(mixed, 62);
        }
        // the last five characters carry the sequence itself, so ids never collide
        long seq = n;
        for (int i = 9; i >= 5; i--) {
            digits[i] = BASE62.charAt((int) (seq % 62));
            seq /= 62;
        }
        sb.append(digits);
        return to18(sb.toString());
    }

    public long current() {
        return sequence.get();
    }

    public static String to18(String id15) {
        StringBuilder sb = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            sb.append(CHECKSUM.charAt(bits));
        }
        return sb.toString();
    }

    /** The 18-character form of a 15- or 18-character id, or null when it is not a well-formed id. */
    public static String normalize(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() == 15 && isBase62(id)) {
            return to18(id);
        }
        if (id.length() == 18 && isBase62(id.substring(0, 15)) && to18(id.substring(0, 15)).equalsIgnoreCase(id)) {
            return to18(id.substring(0, 15));
        }
        return null;
    }

    private static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (BASE62.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
