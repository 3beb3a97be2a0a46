package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.caseload.model.Grain;

/** Periods and percentages as a manager reads them. */
final class Describe {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Describe() {}

    static String period(Optional<LocalDate> period, Optional<Grain> grain, Optional<LocalDate> from, Optional<LocalDate> to) {
        if (period.isEmpty() || grain.isEmpty()) {
            if (from.isEmpty() && to.isEmpty()) return "all dates";
            return from.map(DAY::format).orElse("the start") + " to " + to.map(d -> DAY.format(d.minusDays(1))).orElse("the end");
        }
        LocalDate p = period.get();
        return switch (grain.get()) {
            case DAY -> DAY.format(p);
            case WEEK -> "week of " + DAY.format(p);
            case MONTH -> MONTH.format(p);
            case QUARTER -> "Q" + ((p.getMonthValue() - 1) / 3 + 1) + " " + p.getYear();
            case YEAR -> String.valueOf(p.getYear());
        };
    }

    static String percent(Double fraction) {
        if (fraction == null) return "from zero";
        return String.format(Locale.ENGLISH, "%+.0f%%", fraction * 100);
    }
}
