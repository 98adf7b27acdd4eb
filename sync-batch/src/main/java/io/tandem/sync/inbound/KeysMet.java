package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ExistingKeys;

/**
 * The keys an import has met ({@link PageKeys}, and the Accounts its people name): those the database held
 * when it began and those its pages have named since, in a Bloom filter of ten bits a key (a million-record
 * import: under 4 MB). A key never met needs no lookup: no row held it when the import began and no page
 * before has written it. Should another writer (a form, the drain) have written it since, the page's insert
 * meets that row on the unique index, rolls back and is applied again with every key looked up
 * ({@link InFlightTurn}). A key met may be a false alarm (about one in a hundred): it costs the lookup every key
 * cost before. A key's bits all lie in one block of 512 (a cache line), so a probe costs one miss of the processor's
 * caches, not seven (over a filter of 4 MB, seven misses a key were most of what the filter cost the reading thread).
 * <p>
 * An initial import into an empty database looks up, this way, only the Accounts its Contacts name and the emails
 * its Leads share, instead of every id and email of every page: 0.55 index reads a record instead of 2.27, and
 * MariaDB's CPU 28.7 → 23.8 µs a record (BENCHMARKS.md). Where the database already holds keyed rows for half as
 * many records as the import brings or more, many keys would be met anyway, and reading them all would cost more
 * than it saves (a re-import over a million records spent 0.7 s on it for nothing): no filter then ({@link #forImport}).
 * <p>
 * Used by the import's reading thread alone (the chunk writer hands pages over in order).
 */
final class KeysMet {

    private static final int BITS_PER_KEY = 10;
    private static final int PROBES = 7;
    /** The most keys a filter is made for (25 MB); more still work, with more false alarms. */
    static final long MOST_KEYS = 20_000_000;

    /** The bits, in blocks of {@value #BLOCK_WORDS} words. */
    private final long[] words;
    private final long blockMask;
    private static final int BLOCK_WORDS = 8;

    /** Ten bits or more a key: the next power of two, so a probe's bit is a mask away (a division cost 5 % of an import). */
    KeysMet(long expectedKeys) {
        long n = Long.highestOneBit(Math.max(1_024, Math.min(expectedKeys, MOST_KEYS)) * BITS_PER_KEY - 1) << 1;
        this.words = new long[(int) (n >>> 6)];
        this.blockMask = words.length / BLOCK_WORDS - 1;
    }

    /**
     * The filter of an import that reads {@code records} records: the keys the database holds read into it, or
     * null where the database holds keyed rows for half as many records or more (every key is then looked up, as
     * in a poll).
     */
    static KeysMet forImport(long records, ExistingKeys existing) {
        if (records <= 0) {
            return null;
        }
        long most = records / 2;
        long rows = existing.rowsUpTo(most + 1);
        if (rows > most) {
            return null;
        }
        // a record names up to three keys (its id, its email, its Account); a contact row holds two
        KeysMet met = new KeysMet(3 * records + 2 * rows);
        existing.forEach(met::add);
        return met;
    }

    /** False only for a key never added. */
    boolean mayHaveMet(String key) {
        return probe(key, false);
    }

    /** Adds the key; answers whether it may have been met before (false: certainly not). */
    boolean add(String key) {
        return probe(key, true);
    }

    /** Whether each of the key's bits was set; with {@code set}, sets those that were not. */
    private boolean probe(String key, boolean set) {
        long h = mix(key.hashCode());
        int block = (int) (h & blockMask) * BLOCK_WORDS;
        // seven probes of nine bits each, from a second mix: the block took the first hash's low bits
        long bits = mix(h ^ (h >>> 32));
        boolean all = true;
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (bits >>> (9 * i)) & 511;
            int word = block + (bit >>> 6);
            long b = 1L << bit;
            if ((words[word] & b) == 0) {
                if (!set) {
                    return false;
                }
                all = false;
                words[word] |= b;
            }
        }
        return all;
    }

    /** The string's hash spread over 64 bits, two independent-enough halves for the probes. */
    private static long mix(long hash) {
        long z = hash * 0x9E3779B97F4A7C15L;
        z ^= z >>> 29;
        z *= 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 32);
    }
}
