package org.caseload.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyIndex} against a HashMap of the same ids: canonical UUIDs (packed into two longs) and
 * every other key must be found exactly, and nothing else — a byte changed anywhere in a UUID, upper
 * case, a missing dash — may be taken for a stored id.
 */
class KeyIndexTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int ordinal(KeyIndex index, byte[] key) {
        // At an offset inside a larger array, as CSV fields are.
        byte[] padded = new byte[key.length + 7];
        System.arraycopy(key, 0, padded, 3, key.length);
        return index.ordinal(padded, 3, key.length);
    }

    @Test
    void findsEveryAddedIdByItsBytesAndNothingElse() {
        Random random = new Random(7);
        KeyIndex index = new KeyIndex();
        Map<String, Integer> reference = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String id = switch (i % 5) {
                case 0, 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
                case 2 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
                case 3 -> Long.toString(random.nextLong() >>> 20); // NPI-like digits
                default -> "pt-" + i + "-é";
            };
            ids.add(id);
            int ordinal = index.add(id);
            reference.putIfAbsent(id, ordinal);
            assertThat(ordinal).isEqualTo(reference.get(id));
        }
        assertThat(index.size()).isEqualTo(reference.size());
        for (String id : ids) {
            assertThat(ordinal(index, bytes(id))).isEqualTo(reference.get(id));
            assertThat(index.find(bytes(id), 0, bytes(id).length)).isSameAs(index.id(reference.get(id)));
            assertThat(index.add(id)).as("adding again").isEqualTo(reference.get(id));
        }
        for (int i = 0; i < 2_000; i++) {
            String absent = new UUID(random.nextLong(), random.nextLong()).toString();
            assertThat(ordinal(index, bytes(absent))).isEqualTo(reference.getOrDefault(absent, -1));
        }
        assertThat(index.size()).isEqualTo(reference.size());
    }

    @Test
    void aUuidWithAnyOneByteChangedIsAnotherKey() {
        String stored = "c7d3bc6b-34bf-8051-9bcd-d7d1dd1eb7cf";
        KeyIndex index = new KeyIndex(List.of(stored, "00000000-0000-0000-0000-000000000000"));
        Map<String, Integer> reference = Map.of(stored, 0, "00000000-0000-0000-0000-000000000000", 1);
        for (int position = 0; position < stored.length(); position++) {
            for (int value = 0; value < 256; value++) {
                byte[] key = bytes(stored);
                key[position] = (byte) value;
                String asText = new String(key, StandardCharsets.ISO_8859_1);
                assertThat(ordinal(index, key)).as("byte %d at %d", value, position)
                        .isEqualTo(reference.getOrDefault(asText, -1));
            }
        }
        assertThat(ordinal(index, bytes(stored.toUpperCase(Locale.ROOT)))).isEqualTo(-1);
        assertThat(ordinal(index, bytes(stored.replace("-", "")))).isEqualTo(-1);
        assertThat(ordinal(index, bytes("{" + stored + "}"))).isEqualTo(-1);
        assertThat(ordinal(index, bytes(""))).isEqualTo(-1);
        assertThat(index.contains("00000000-0000-0000-0000-000000000000")).isTrue();
    }

    @Test
    void hexDigitsDecodeAsLongParseLongDoesAndOnlyLowercaseOnes() {
        Random random = new Random(11);
        String digits = "0123456789abcdef";
        for (int i = 0; i < 5_000; i++) {
            char[] text = new char[8];
            for (int k = 0; k < 8; k++) {
                text[k] = digits.charAt(random.nextInt(16));
            }
            int bad = i % 2 == 0 ? -1 : random.nextInt(8);
            int badValue = random.nextInt(256);
            byte[] b = new String(text).getBytes(StandardCharsets.ISO_8859_1);
            if (bad >= 0) {
                b[bad] = (byte) badValue;
            }
            String asText = new String(b, StandardCharsets.ISO_8859_1);
            long expected = asText.chars().allMatch(c -> digits.indexOf(c) >= 0) ? Long.parseLong(asText, 16) : -1;
            long word = 0;
            for (int k = 7; k >= 0; k--) {
                word = word << 8 | (b[k] & 0xFF); // little-endian: the first digit in the lowest byte
            }
            assertThat(KeyIndex.hex8(word)).as(asText).isEqualTo(expected);
            int half = (int) word;
            String first4 = asText.substring(0, 4);
            long expected4 = first4.chars().allMatch(c -> digits.indexOf(c) >= 0) ? Long.parseLong(first4, 16) : -1;
            assertThat(KeyIndex.hex4(half)).as(first4).isEqualTo(expected4);
        }
    }
}
