package org.caseload.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast paths against java.time and BigDecimal on the same text. */
class ValuesTest {
    private static long bytesEpoch(String text) throws Values.BadValue {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return Values.epochSecond(b, 2, b.length - 4);
    }

    private static BigDecimal bytesMoney(String text) throws Values.BadValue {
        byte[] b = ("," + text + ",").getBytes(StandardCharsets.UTF_8);
        return Values.money(b, 1, b.length - 2);
    }

    @Test
    void instantsAgreeWithJavaTimeIncludingMonthEndsAndLeapDays() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L));
            String text = instant.toString();
            assertThat(bytesEpoch(text)).as(text).isEqualTo(instant.getEpochSecond());
            assertThat(Values.epochSecond(text)).as(text).isEqualTo(instant.getEpochSecond());
        }
        assertThat(bytesEpoch("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z").getEpochSecond());
        assertThat(bytesEpoch("2024-05-01T08:30:00+02:00")).isEqualTo(Instant.parse("2024-05-01T06:30:00Z").getEpochSecond());
        for (String bad : new String[] {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "yesterday", ""}) {
            assertThatThrownBy(() -> bytesEpoch(bad)).as(bad).isInstanceOf(Values.BadValue.class);
        }
    }

    @Test
    void wallClockTimeFollowsTheZonesRules() throws Exception {
        var rules = ZoneId.of("America/New_York").getRules();
        assertThat(Values.instantIn("2025-03-09T06:59:59Z", rules)).isEqualTo(LocalDateTime.of(2025, 3, 9, 1, 59, 59));
        assertThat(Values.instantIn("2025-03-09T07:00:00Z", rules)).isEqualTo(LocalDateTime.of(2025, 3, 9, 3, 0, 0));
        assertThat(Values.instantIn("2025-01-01T00:00:00Z", ZoneId.of("UTC").getRules())).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
    }

    @Test
    void moneyAgreesWithBigDecimalAndRefusesWhatIsNotCents() throws Exception {
        for (String text : new String[] {"0", "7", "12.5", "704.20", "0.01", "999999999.99", ".5", "12.", "1e2"}) {
            BigDecimal expected = new BigDecimal(text).setScale(2);
            assertThat(bytesMoney(text)).as(text).isEqualTo(expected);
            assertThat(Values.money(text)).as(text).isEqualTo(expected);
        }
        for (String bad : new String[] {"-1.00", "1.005", "1,50", "", "abc"}) {
            assertThatThrownBy(() -> bytesMoney(bad)).as(bad).isInstanceOf(Values.BadValue.class);
        }
    }

    @Test
    void slugsAndLabels() {
        assertThat(Values.slug("GENERAL PRACTICE")).isEqualTo("general_practice");
        assertThat(Values.slug("  Nurse / Practitioner ")).isEqualTo("nurse_practitioner");
        assertThat(Values.label("GENERAL PRACTICE")).isEqualTo("General practice");
        assertThat(Values.label("Front desk")).isEqualTo("Front desk");
    }

    @Test
    void plainFormsAreExactlyTheOnesTheDirectLoadReads() {
        for (String plain : new String[] {"2019-02-17T05:07:38Z", "2008-02-30T12:00:00Z", "0000-01-01T00:00:00Z"}) {
            assertThat(Values.isPlainInstant(bytes(plain), 0, plain.length())).as(plain).isTrue();
        }
        for (String other : new String[] {"2019-02-17T05:07:38+00:00", "2019-02-17T05:07:38.5Z", "2019-2-17T05:07:38Z",
                " 2019-02-17T05:07:38Z", "2019-02-17 05:07:38Z", "+019-02-17T05:07:38Z", "2019-02-17T05:07:3xZ"}) {
            assertThat(Values.isPlainInstant(bytes(other), 0, other.length())).as(other).isFalse();
        }
        for (String plain : new String[] {"0", "93", "92.93", "12.5", "0012.50"}) {
            assertThat(Values.isPlainMoney(bytes(plain), 0, plain.length())).as(plain).isTrue();
        }
        for (String other : new String[] {"", ".5", "12.", "12.345", "-1", "+1", "1e2", "1,5", " 1", "1.2.3"}) {
            assertThat(Values.isPlainMoney(bytes(other), 0, other.length())).as(other).isFalse();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long plain(String text) {
        byte[] b = ("," + text + ",").getBytes(StandardCharsets.UTF_8);
        return Values.plainEpochSecond(b, 1, b.length - 2);
    }

    @Test
    void plainInstantsOfEveryDayFrom1900To2100ReadAsTheStringPathReadsThem() throws Values.BadValue {
        Random random = new Random(3);
        for (LocalDate day = LocalDate.of(1900, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
            int second = random.nextInt(86_400);
            String text = String.format("%sT%02d:%02d:%02dZ", day, second / 3600, second / 60 % 60, second % 60);
            byte[] b = bytes(text);
            assertThat(Values.plainEpochSecond(b, 0, b.length)).as(text).isEqualTo(Values.epochSecond(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2100-02-29T10:00:00Z", "2024-04-31T10:00:00Z", "2024-13-01T10:00:00Z",
        "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:60:00Z",
        "2024-01-01T10:00:60Z", "2024-01-01T10:00:00z", "2024-01-01 10:00:00Z", "2024-01-01T10:00:00+00:00",
        "2024-01-01T10:00:00.5Z", "2024-1-01T10:00:00Z", "20x4-01-01T10:00:00Z", "2024-01-01T1:00:00Z", ""})
    void otherFormsAndInvalidDatesAreNotPlain(String text) {
        assertThat(plain(text)).isEqualTo(Values.NOT_PLAIN);
    }

    @Test
    void leapDaysAndMonthEndsAreRead() throws Values.BadValue {
        for (String text : List.of("2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "2024-01-31T12:00:00Z", "2024-04-30T12:00:00Z")) {
            assertThat(plain(text)).as(text).isEqualTo(Values.epochSecond(text));
        }
    }

    @Test
    void yearsOfDatesFromBytesAreTheParserOwn() throws Values.BadValue {
        for (LocalDate day = LocalDate.of(1900, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
            byte[] b = bytes("," + day + ",");
            assertThat(Values.yearOfDate(b, 1, 10)).isEqualTo(day.getYear());
        }
        for (String bad : List.of("2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "1987-3-14",
                "19x7-03-14", "1987/03/14", "")) {
            byte[] b = bytes(bad);
            assertThatThrownBy(() -> Values.yearOfDate(b, 0, b.length)).as(bad).isInstanceOf(Values.BadValue.class)
                    .hasMessage("expected an ISO date, like 1987-03-14");
        }
        assertThat(Values.yearOfDate(bytes("+12345-01-01"), 0, 12)).isEqualTo(12345); // the parser's wider form
    }
}
