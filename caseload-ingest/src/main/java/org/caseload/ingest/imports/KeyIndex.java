package org.caseload.ingest.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A set of ids that answers "is this id known?" straight from a CSV field's bytes, with the id's
 * ordinal (the order it was added in) and the one String instance held for it. An encounter names a
 * patient, an organization and a provider; looking them up this way makes no String per reference.
 *
 * <p>Why two tables: EMR exports (Synthea, FHIR servers) name everything by canonical UUIDs, and a
 * large import's lookups were dominated by cache misses — the slot, then the key's own byte array.
 * A canonical UUID ({@code 8-4-4-4-12} lowercase hex digits) is exactly 128 bits, so it is kept as
 * two longs inside the slot itself: one probe reads one place, and equality stays exact. Every
 * other key (upper case, braces, NPIs, free text) goes to an ordinary table of byte arrays.
 *
 * <p>Open addressing with linear probing; not thread-safe.
 */
public final class KeyIndex {
    private static final int UUID_LENGTH = 36;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Canonical UUIDs: slot i holds the high and low halves and the ordinal + 1 (0 marks a free slot) at 3i. */
    private long[] uuids = new long[3 * 16];
    private int uuidCount;
    /** Every other key: its UTF-8 bytes and, at the same slot, its ordinal. */
    private byte[][] otherKeys = new byte[16][];
    private int[] otherOrdinals = new int[16];
    private int otherCount;
    /** The held ids by ordinal. */
    private String[] ids = new String[16];
    private int size;
    /** Halves of the UUID {@link #parse} read last. */
    private long high;
    private long low;

    public KeyIndex() {}

    public KeyIndex(Collection<String> ids) {
        ids.forEach(this::add);
    }

    public int size() {
        return size;
    }

    /** Adds {@code id} if it is not known yet; returns its ordinal either way. */
    public int add(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int known = ordinal(key, 0, key.length);
        if (known >= 0) {
            return known;
        }
        int ordinal = size;
        if (ordinal == ids.length) {
            ids = Arrays.copyOf(ids, ordinal * 2);
        }
        ids[ordinal] = id;
        size++;
        if (parse(key, 0, key.length)) {
            if ((uuidCount + 1) * 2 > uuids.length / 3) {
                growUuids();
            }
            putUuid(uuids, high, low, ordinal);
            uuidCount++;
        } else {
            if ((otherCount + 1) * 2 > otherKeys.length) {
                growOthers();
            }
            putOther(otherKeys, otherOrdinals, key, ordinal);
            otherCount++;
        }
        return ordinal;
    }

    public boolean contains(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return ordinal(key, 0, key.length) >= 0;
    }

    /** The held id equal to {@code b[off, off+len)}, or null. */
    public String find(byte[] b, int off, int len) {
        int ordinal = ordinal(b, off, len);
        return ordinal < 0 ? null : ids[ordinal];
    }

    /** The held id of an ordinal {@link #add} returned. */
    public String id(int ordinal) {
        return ids[ordinal];
    }

    /** The ordinal of the id equal to {@code b[off, off+len)}, or -1: without touching the held strings. */
    public int ordinal(byte[] b, int off, int len) {
        if (parse(b, off, len)) {
            long[] table = uuids;
            int mask = table.length / 3 - 1;
            long hi = high;
            long lo = low;
            int slot = hash(hi, lo) & mask;
            while (true) {
                int p = 3 * slot;
                long ordinal = table[p + 2];
                if (ordinal == 0) {
                    return -1;
                }
                if (table[p] == hi && table[p + 1] == lo) {
                    return (int) ordinal - 1;
                }
                slot = (slot + 1) & mask;
            }
        }
        byte[][] keys = otherKeys;
        int mask = keys.length - 1;
        int slot = hash(b, off, len) & mask;
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (Arrays.equals(key, 0, key.length, b, off, off + len)) {
                return otherOrdinals[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Whether {@code b[off, off+len)} is a canonical UUID; if so its halves are left in {@link #high}
     * and {@link #low}. Eight digits at a time ({@link #hex8}): byte by byte, this decoding cost
     * more than the probe.
     */
    private boolean parse(byte[] b, int off, int len) {
        if (len != UUID_LENGTH || b[off + 8] != '-' || b[off + 13] != '-' || b[off + 18] != '-' || b[off + 23] != '-') {
            return false;
        }
        long a = hex8((long) LONGS.get(b, off));
        long c = hex4((int) INTS.get(b, off + 9));
        long d = hex4((int) INTS.get(b, off + 14));
        long e = hex4((int) INTS.get(b, off + 19));
        long f = hex4((int) INTS.get(b, off + 24));
        long g = hex8((long) LONGS.get(b, off + 28));
        if ((a | c | d | e | f | g) < 0) {
            return false;
        }
        high = a << 32 | c << 16 | d;
        low = e << 48 | f << 32 | g;
        return true;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The value of eight lowercase hex digits (the first in the lowest byte, as a little-endian read
     * gives them), or -1 when a byte is not one. Range tests per byte by adding to each byte at once:
     * with every byte below 0x80 no sum carries into the next byte.
     */
    static long hex8(long w) {
        long digit = (w + 0x50 * ONES) & ~(w + 0x46 * ONES); // high bit: 0x30 <= byte <= 0x39
        long letter = (w + 0x1F * ONES) & ~(w + 0x19 * ONES); // high bit: 0x61 <= byte <= 0x66
        if ((w & HIGHS) != 0 || ((digit | letter) & HIGHS) != HIGHS) {
            return -1;
        }
        long nibbles = (w & 0x0F0F0F0F0F0F0F0FL) + 9 * ((w >>> 6) & ONES); // 'a' = 0x61: 1 + 9
        long bytes = (nibbles << 4 | nibbles >>> 8) & 0x00FF00FF00FF00FFL;
        long pairs = (bytes << 8 | bytes >>> 16) & 0x0000FFFF0000FFFFL;
        return (pairs & 0xFFFF) << 16 | pairs >>> 32;
    }

    /** As {@link #hex8} for four digits: padded with four '0' digits, which add nothing. */
    static long hex4(int w) {
        long value = hex8((w & 0xFFFFFFFFL) | 0x3030303000000000L);
        return value < 0 ? -1 : value >>> 16;
    }

    private static void putUuid(long[] table, long hi, long lo, int ordinal) {
        int mask = table.length / 3 - 1;
        int slot = hash(hi, lo) & mask;
        while (table[3 * slot + 2] != 0) {
            slot = (slot + 1) & mask;
        }
        table[3 * slot] = hi;
        table[3 * slot + 1] = lo;
        table[3 * slot + 2] = ordinal + 1L;
    }

    private static void putOther(byte[][] keys, int[] ordinals, byte[] key, int ordinal) {
        int mask = keys.length - 1;
        int slot = hash(key, 0, key.length) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ordinals[slot] = ordinal;
    }

    private void growUuids() {
        long[] old = uuids;
        long[] table = new long[old.length * 2];
        for (int p = 0; p < old.length; p += 3) {
            if (old[p + 2] != 0) {
                putUuid(table, old[p], old[p + 1], (int) old[p + 2] - 1);
            }
        }
        uuids = table;
    }

    private void growOthers() {
        byte[][] oldKeys = otherKeys;
        int[] oldOrdinals = otherOrdinals;
        byte[][] keys = new byte[oldKeys.length * 2][];
        int[] ordinals = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                putOther(keys, ordinals, oldKeys[i], oldOrdinals[i]);
            }
        }
        otherKeys = keys;
        otherOrdinals = ordinals;
    }

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** Mixes the first, middle and last eight bytes with the length: ids (NPIs, MRNs) differ in those. */
    private static int hash(byte[] b, int off, int len) {
        long h = len;
        if (len >= 8) {
            h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, off);
            h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, off + len - 8);
            if (len > 16) {
                h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, off + len / 2 - 4);
            }
        } else {
            for (int i = off; i < off + len; i++) {
                h = h * 31 + b[i];
            }
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
