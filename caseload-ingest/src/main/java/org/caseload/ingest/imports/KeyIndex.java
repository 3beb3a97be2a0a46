package org.caseload.ingest.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A set of ids that answers "is this id known?" straight from a CSV field's bytes and hands back the
 * one String instance it holds. An encounter names a patient, an organization and a provider; looking
 * them up this way makes no String per reference and hashes fewer bytes than {@code String.hashCode},
 * which was a sizeable share of a large import.
 *
 * <p>Open addressing with linear probing over UTF-8 bytes; not thread-safe.
 */
public final class KeyIndex {
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Key bytes at even indexes, the held id right after: a lookup reads both from one cache line
     * (with separate arrays a large index costs two cache misses per lookup instead of one).
     */
    private Object[] entries = new Object[128];
    private int size;

    public KeyIndex() {}

    public KeyIndex(Collection<String> ids) {
        ids.forEach(this::add);
    }

    public int size() {
        return size;
    }

    public void add(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        if ((size + 1) * 4 > entries.length) {
            grow();
        }
        int slot = slot(key, 0, key.length);
        if (entries[slot] == null) {
            entries[slot] = key;
            entries[slot + 1] = id;
            size++;
        }
    }

    public boolean contains(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return find(key, 0, key.length) != null;
    }

    /** The held id equal to {@code b[off, off+len)}, or null. */
    public String find(byte[] b, int off, int len) {
        return (String) entries[slot(b, off, len) + 1];
    }

    /** The even index of the entry for these bytes, or of the free slot where it would go. */
    private int slot(byte[] b, int off, int len) {
        int mask = entries.length / 2 - 1;
        int slot = hash(b, off, len) & mask;
        while (true) {
            byte[] key = (byte[]) entries[2 * slot];
            if (key == null || Arrays.equals(key, 0, key.length, b, off, off + len)) {
                return 2 * slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Mixes the first and last eight bytes with the length: EMR ids (UUIDs, NPIs) differ in both. */
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

    private void grow() {
        Object[] old = entries;
        entries = new Object[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != null) {
                byte[] key = (byte[]) old[i];
                int slot = slot(key, 0, key.length);
                entries[slot] = key;
                entries[slot + 1] = old[i + 1];
            }
        }
    }
}
