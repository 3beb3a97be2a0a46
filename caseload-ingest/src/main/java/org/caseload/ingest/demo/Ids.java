package org.caseload.ingest.demo;

import java.util.UUID;

/**
 * Deterministic ids and random streams. A UUID is a pure function of (namespace, kind, index), so
 * ids never depend on generation order, and each stream is seeded independently so that changing one
 * part of the data does not shift the random numbers of every other part.
 */
final class Ids {
    /** Namespace of the fixed network (locations, staff): the same for every seed, so docs can name them. */
    static final long NETWORK = 0x5EED_CA5E_10ADL;

    static final int LOCATION = 1;
    static final int STAFF = 2;
    static final int PATIENT = 3;
    static final int VISIT = 4;
    static final int SHIFT = 5;
    static final int STREAM = 6;

    private Ids() {}

    /** A random-looking version 4 UUID, for the few reference rows. */
    static String uuid(long namespace, int kind, long index) {
        long a = mix(namespace, kind, index);
        long msb = (a & ~0xF000L) | 0x4000L;
        return new UUID(msb, variant(mix64(a ^ 0xD1B54A32D192ED03L))).toString();
    }

    /**
     * A version 7 UUID: a millisecond timestamp first, then seeded random bits. Generated in time
     * order, these ids reach DuckDB's primary-key index almost sorted, which makes the bulk load
     * several times faster than random keys would.
     */
    static String timeOrdered(long namespace, int kind, long index, long epochMillis) {
        long a = mix(namespace, kind, index);
        long msb = (epochMillis << 16) | 0x7000L | (a & 0x0FFFL);
        return new UUID(msb, variant(mix64(a ^ 0xD1B54A32D192ED03L))).toString();
    }

    private static long variant(long bits) {
        return (bits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }

    static long mix(long namespace, int kind, long index) {
        return mix64(namespace ^ mix64(kind * 0x9E3779B97F4A7C15L + index));
    }

    /** SplitMix64's finalizer: a bijection with good avalanche, so nearby inputs give unrelated outputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
