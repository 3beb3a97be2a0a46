package org.caseload.ingest.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * Parsing shared by the importers. Each method returns the value or throws {@link BadValue} with a
 * reason fit for a reject; the caller knows the file, line and column.
 */
public final class Values {
    /** A value that does not parse; the message is the reason shown to the user. */
    public static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        public BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private Values() {}

    /**
     * An instant written as ISO-8601 with an offset ({@code 2019-02-17T05:07:38Z}), as wall-clock
     * time in {@code zone}, to the second. The common {@code Z} form is parsed by hand: an import
     * reads millions of them and the general parser is the largest cost per row.
     */
    public static LocalDateTime instantIn(String text, ZoneRules zone) throws BadValue {
        return localIn(epochSecond(text), zone);
    }

    /** Wall-clock time in {@code zone} of an instant given as epoch seconds. */
    public static LocalDateTime localIn(long epochSecond, ZoneRules zone) {
        int offset = zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH).getTotalSeconds()
                : zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return LocalDateTime.ofEpochSecond(epochSecond + offset, 0, ZoneOffset.UTC);
    }

    /**
     * As {@link #epochSecond(String)}, from a CSV field's bytes: the {@code Z} form without making a
     * string ({@link #plainEpochSecond}); anything else through the general parser.
     */
    public static long epochSecond(byte[] b, int off, int len) throws BadValue {
        long plain = plainEpochSecond(b, off, len);
        return plain != NOT_PLAIN ? plain
                : epochSecond(new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** What {@link #plainEpochSecond} returns for any other form, or an invalid date or time in it. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * The epoch second of exactly {@code uuuu-MM-ddTHH:mm:ssZ} with a valid date and time (the form
     * EMR exports write), or {@link #NOT_PLAIN}; computed from the digits, without java.time objects.
     */
    public static long plainEpochSecond(byte[] b, int off, int len) {
        if (len != 20 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T' || b[off + 13] != ':'
                || b[off + 16] != ':' || b[off + 19] != 'Z') {
            return NOT_PLAIN;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
            return NOT_PLAIN;
        }
        return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /**
     * As {@link #money(String)}, from a CSV field's bytes: plain digits with up to two decimals
     * become a BigDecimal without a string; anything else goes through the general path.
     */
    public static BigDecimal money(byte[] b, int off, int len) throws BadValue {
        long cents = plainCents(b, off, len);
        return cents >= 0 ? BigDecimal.valueOf(cents, 2)
                : money(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The cents of money in the plain form ({@link #isPlainMoney}) of at most 16 characters, or -1:
     * what {@link #money} reads there, without a BigDecimal.
     */
    public static long plainCents(byte[] b, int off, int len) {
        if (len == 0 || len > 16) {
            return -1;
        }
        long unscaled = 0;
        int point = -1;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && point < 0 && i > off) {
                point = i;
            } else {
                return -1;
            }
        }
        int decimals = point < 0 ? 0 : off + len - point - 1;
        return point < 0 ? unscaled * 100 : decimals == 1 ? unscaled * 10 : decimals == 2 ? unscaled : -1;
    }

    /**
     * Whether the field is exactly {@code uuuu-MM-ddTHH:mm:ssZ} in digits: the form DuckDB's reader
     * with that format reads as {@link #epochSecond} does (validity of the date aside).
     */
    public static boolean isPlainInstant(byte[] b, int off, int len) {
        if (len != 20 || b[off + 19] != 'Z' || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T'
                || b[off + 13] != ':' || b[off + 16] != ':') {
            return false;
        }
        return digits(b, off, 4) >= 0 && digits(b, off + 5, 2) >= 0 && digits(b, off + 8, 2) >= 0
                && digits(b, off + 11, 2) >= 0 && digits(b, off + 14, 2) >= 0 && digits(b, off + 17, 2) >= 0;
    }

    /**
     * Whether the field is plain digits with at most one point and one or two decimals after it: the
     * form DuckDB reads as a DECIMAL exactly as {@link #money} does.
     */
    public static boolean isPlainMoney(byte[] b, int off, int len) {
        int point = -1;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == '.' && point < 0 && i > off) {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return len > 0 && (point < 0 || off + len - point - 1 >= 1 && off + len - point - 1 <= 2);
    }

    /** Seconds since the epoch of an ISO-8601 instant with offset; the {@code Z} form parsed by hand. */
    public static long epochSecond(String text) throws BadValue {
        if (text.length() == 20 && text.charAt(19) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    throw new BadValue("not a valid date: " + e.getMessage());
                }
            }
        }
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new BadValue("expected an ISO-8601 timestamp with offset, like 2024-05-01T08:30:00Z");
        }
    }

    /** A local date-time ({@code 2024-05-01T08:30}, seconds optional, a space instead of T allowed). */
    public static LocalDateTime localDateTime(String text) throws BadValue {
        try {
            return LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text);
        } catch (DateTimeParseException e) {
            throw new BadValue("expected a local ISO-8601 timestamp, like 2024-05-01T08:30");
        }
    }

    /** Money to the cent; more decimals are refused rather than rounded, so totals stay exact. */
    public static BigDecimal money(String text) throws BadValue {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadValue("expected a decimal number, like 129.16");
        }
        if (value.signum() < 0) {
            throw new BadValue("must not be negative");
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new BadValue("has more than 2 decimal places");
        }
    }

    /**
     * As {@link #yearOfDate(String)}, from a CSV field's bytes: a valid {@code uuuu-MM-dd} without a
     * string or java.time's parser (whose first use alone costs a cold import tens of milliseconds).
     */
    public static int yearOfDate(byte[] b, int off, int len) throws BadValue {
        if (len == 10 && b[off + 4] == '-' && b[off + 7] == '-') {
            int year = digits(b, off, 4);
            int month = digits(b, off + 5, 2);
            int day = digits(b, off + 8, 2);
            if ((year | month | day) >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)) {
                return year;
            }
        }
        return yearOfDate(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The year of an ISO date ({@code 1987-03-14}). */
    public static int yearOfDate(String text) throws BadValue {
        try {
            return java.time.LocalDate.parse(text).getYear();
        } catch (DateTimeParseException e) {
            throw new BadValue("expected an ISO date, like 1987-03-14");
        }
    }

    public static ZoneId zone(String text) {
        return ZoneId.of(text);
    }

    /** {@code true}/{@code false} (also yes/no, 1/0, any case). */
    public static boolean bool(String text) throws BadValue {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y", "t" -> true;
            case "false", "no", "0", "n", "f" -> false;
            default -> throw new BadValue("expected true or false");
        };
    }

    /** A stable identifier from free text: {@code "GENERAL PRACTICE"} → {@code general_practice}. */
    public static String slug(String text) {
        String slug = text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }

    /** {@code "GENERAL PRACTICE"} → {@code "General practice"}; mixed-case text is kept as written. */
    public static String label(String text) {
        String trimmed = text.trim();
        if (!trimmed.equals(trimmed.toUpperCase(Locale.ROOT)) || trimmed.isEmpty()) {
            return trimmed;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            value = value * 10 + c;
        }
        return value;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
