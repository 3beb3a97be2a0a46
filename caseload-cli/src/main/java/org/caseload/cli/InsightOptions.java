package org.caseload.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.RequestSyntax;
import picocli.CommandLine.Option;

/** Date range and filters shared by the insight verbs. */
final class InsightOptions {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (exclusive).")
    String to;

    @Option(names = "--filter", paramLabel = "dim=v1,v2|dim!=v", description = "Keep (=) or drop (!=) members, by key or label. Repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table, csv or json.")
    String format;

    Optional<java.time.LocalDate> fromDate() {
        return Optional.ofNullable(from).map(d -> RequestSyntax.date(d, "from"));
    }

    Optional<java.time.LocalDate> toDate() {
        return Optional.ofNullable(to).map(d -> RequestSyntax.date(d, "to"));
    }

    List<DimensionFilter> dimensionFilters() {
        return filters.stream().map(f -> RequestSyntax.filter(f, "filters")).toList();
    }

    void checkFormat() {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new BadInputException("--format: unknown format '" + format + "' — one of table, csv, json");
        }
    }
}
