package org.caseload.ingest.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.caseload.ingest.imports.Values;
import org.caseload.ingest.imports.Values.BadValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EncounterCheck}'s parsing held to the row-by-row path's ({@link Values}; its times are
 * {@link Values#plainEpochSecond}, tested in {@code ValuesTest}, and its offsets
 * {@code LocalTimeSql.Offsets}, tested in {@code LocalTimeSqlTest}):
 * whatever it reads, it reads as they do; what it does not take, they decide. (Whole records in and
 * out of its common form are compared with the row-by-row import in {@code SyntheaDirectLoadTest}.)
 */
class EncounterCheckTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long cents(String text) {
        byte[] b = bytes("," + text + ",");
        return EncounterCheck.cents(b, 1, b.length - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "93", "92.9", "92.93", "0.05", "000123.40", "9999999999.99"})
    void plainMoneyWithinDecimal12And2ReadsAsValuesMoney(String text) throws BadValue {
        BigDecimal value = Values.money(text);
        assertThat(value.precision()).isLessThanOrEqualTo(12);
        assertThat(cents(text)).isEqualTo(value.unscaledValue().longValueExact());
        assertThat(Values.isPlainMoney(bytes(text), 0, text.length())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000.00", "1000000000000", "999999999999", ".5", "5.", "92.931", "-92.93", "+1", "1e3", "1,5", " 1",
        "1 ", "1.2.3", "", "0000000000000001.00"})
    void otherMoneyIsLeftToTheRowByRowPath(String text) {
        assertThat(cents(text)).isEqualTo(-1);
    }

    @Test
    void printableAsciiIsNeverBlankAndOneCharPerByte() {
        for (int c = 0; c < 256; c++) {
            byte[] b = {'a', (byte) c, 'b'};
            boolean printable = c >= 0x21 && c <= 0x7E;
            assertThat(EncounterCheck.printableAscii(b, 0, 3)).as("byte %d", c).isEqualTo(printable);
            assertThat(EncounterCheck.printableAscii(b, 1, 1)).isEqualTo(printable);
            if (printable) {
                assertThat(new String(b, 1, 1, StandardCharsets.UTF_8).isBlank()).isFalse();
            }
        }
    }
}
