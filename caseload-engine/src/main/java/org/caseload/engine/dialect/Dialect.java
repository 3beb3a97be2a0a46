package org.caseload.engine.dialect;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.nullif;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.caseload.model.Grain;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.BackslashEscaping;
import org.jooq.conf.RenderOptionalKeyword;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What Caseload knows about a SQL dialect beyond what jOOQ renders for it: a named capability set
 * and the few functions whose jOOQ rendering is missing or wrong for some dialect (date truncation,
 * exact second differences, interval arithmetic, floating division). Everything else is jOOQ's.
 */
public final class Dialect {
    private final SQLDialect sqlDialect;
    private final Set<Capability> capabilities;

    private Dialect(SQLDialect sqlDialect, Set<Capability> capabilities) {
        this.sqlDialect = sqlDialect;
        this.capabilities = Set.copyOf(capabilities);
    }

    public static Dialect of(SQLDialect d) {
        return switch (d.family()) {
            case DUCKDB, POSTGRES -> new Dialect(d, EnumSet.allOf(Capability.class));
            // MySQL and MariaDB have no ordered-set aggregates usable with GROUP BY.
            case MYSQL, MARIADB -> new Dialect(d, EnumSet.noneOf(Capability.class));
            // Trino has only approx_percentile; an approximation is not what a median metric promises.
            case TRINO -> new Dialect(d, EnumSet.noneOf(Capability.class));
            default -> throw new IllegalArgumentException("unsupported SQL dialect " + d
                    + "; Caseload supports DuckDB, PostgreSQL, MySQL/MariaDB and Trino");
        };
    }

    public SQLDialect sqlDialect() {
        return sqlDialect;
    }

    public boolean supports(Capability c) {
        return capabilities.contains(c);
    }

    public String displayName() {
        return switch (sqlDialect.family()) {
            case DUCKDB -> "DuckDB";
            case POSTGRES -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            case TRINO -> "Trino";
            default -> sqlDialect.getName();
        };
    }

    private boolean mysqlFamily() {
        return sqlDialect.family() == SQLDialect.MYSQL || sqlDialect.family() == SQLDialect.MARIADB;
    }

    /**
     * jOOQ settings for this dialect: formatted SQL, and string literals escaped the way the
     * server reads them, so inlined SQL pasted into the console means what the bound SQL meant.
     */
    public Settings settings() {
        return new Settings()
                .withRenderFormatted(true)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withRenderOptionalAsKeywordForFieldAliases(RenderOptionalKeyword.ON)
                .withRenderOptionalAsKeywordForTableAliases(RenderOptionalKeyword.ON)
                // MySQL-family servers treat backslash as an escape in literals unless NO_BACKSLASH_ESCAPES is set.
                .withBackslashEscaping(mysqlFamily() ? BackslashEscaping.ON : BackslashEscaping.OFF);
    }

    /** The first day of the grain's period containing {@code ts}, as a DATE. ISO weeks start on Monday. */
    public Field<LocalDate> bucket(Field<LocalDateTime> ts, Grain grain) {
        if (!mysqlFamily()) {
            // DuckDB, PostgreSQL and Trino share date_trunc with ISO (Monday) weeks.
            return function("date_trunc", SQLDataType.LOCALDATETIME, inline(grain.yamlName()), ts)
                    .cast(SQLDataType.LOCALDATE);
        }
        Field<LocalDate> day = ts.cast(SQLDataType.LOCALDATE);
        Field<Integer> year = DSL.year(ts);
        Field<LocalDate> jan1 = function("makedate", SQLDataType.LOCALDATE, year, inline(1));
        return switch (grain) {
            case DAY -> day;
            // weekday() is 0 for Monday.
            case WEEK -> DSL.localDateAdd(day, function("weekday", SQLDataType.INTEGER, ts).neg(), DatePart.DAY);
            case MONTH -> DSL.localDateAdd(jan1, DSL.month(ts).minus(inline(1)), DatePart.MONTH);
            case QUARTER -> DSL.localDateAdd(jan1,
                    function("quarter", SQLDataType.INTEGER, ts).minus(inline(1)).times(inline(3)), DatePart.MONTH);
            case YEAR -> jan1;
        };
    }

    /** Exact seconds from {@code start} to {@code end} (timestamps without time zone, so no DST drift). */
    public Field<Double> secondsBetween(Field<LocalDateTime> start, Field<LocalDateTime> end) {
        return switch (sqlDialect.family()) {
            case DUCKDB, TRINO -> function("date_diff", SQLDataType.BIGINT, inline("second"), start, end)
                    .cast(SQLDataType.DOUBLE);
            case MYSQL, MARIADB -> DSL.field("timestampdiff(second, {0}, {1})", SQLDataType.BIGINT, start, end)
                    .times(inline(1.0e0)).coerce(SQLDataType.DOUBLE);
            // jOOQ's localDateTimeDiff(a, b) is a − b: the end comes first.
            default -> DSL.extract(DSL.localDateTimeDiff(end, start), DatePart.EPOCH).cast(SQLDataType.DOUBLE);
        };
    }

    /** {@code ts} moved by whole months and days (negative moves back). */
    public Field<LocalDateTime> plus(Field<LocalDateTime> ts, int months, int days) {
        Field<LocalDateTime> out = ts;
        if (sqlDialect.family() == SQLDialect.DUCKDB) {
            // jOOQ renders dateadd(), which DuckDB lacks; interval arithmetic is DuckDB's own form.
            if (months != 0) out = DSL.field("({0} + {1} * interval '1 month')", SQLDataType.LOCALDATETIME, out, inline(months));
            if (days != 0) out = DSL.field("({0} + {1} * interval '1 day')", SQLDataType.LOCALDATETIME, out, inline(days));
            return out;
        }
        if (months != 0) out = DSL.localDateTimeAdd(out, inline(months), DatePart.MONTH);
        if (days != 0) out = DSL.localDateTimeAdd(out, inline(days), DatePart.DAY);
        return out;
    }

    /** Floating-point number of the value, so integer counts divide as fractions everywhere. */
    public Field<Double> toDouble(Field<?> value) {
        // MySQL before 8.0.17 cannot CAST AS DOUBLE; multiplying by a double literal works everywhere there.
        return mysqlFamily() ? value.coerce(SQLDataType.DOUBLE).times(inline(1.0e0)) : value.cast(SQLDataType.DOUBLE);
    }

    /** {@code a / b} as a fraction, null when b is 0 or null: never an error, never infinity. */
    public Field<Double> ratio(Field<?> numerator, Field<?> denominator) {
        return toDouble(numerator).div(nullif(toDouble(denominator), inline(0).coerce(SQLDataType.DOUBLE)));
    }
}
