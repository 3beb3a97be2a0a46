package org.caseload.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a metric's value is shown to people: {@code integer}, {@code decimal_N}, {@code percent_N}
 * (the value is a fraction; 0.083 shows as 8.3%), {@code currency} (the model's currency) or
 * {@code currency_EUR}, and {@code minutes}. CSV and JSON carry raw values; only tables format.
 */
public record Format(Kind kind, int decimals, Optional<String> currency) {
    public enum Kind { INTEGER, DECIMAL, PERCENT, CURRENCY, MINUTES }

    private static final Pattern SYNTAX =
            Pattern.compile("(integer|minutes|currency)(?:_([A-Z]{3}))?|(decimal|percent)_([0-6])");

    public static final Format INTEGER = new Format(Kind.INTEGER, 0, Optional.empty());

    /** Parses a format name; empty when it is not one. {@code defaultCurrency} fills a bare {@code currency}. */
    public static Optional<Format> parse(String text, String defaultCurrency) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            String word = m.group(1);
            if (m.group(2) != null && (!word.equals("currency") || !isCurrencyCode(m.group(2)))) {
                return Optional.empty();
            }
            return Optional.of(switch (word) {
                case "integer" -> INTEGER;
                case "minutes" -> new Format(Kind.MINUTES, 1, Optional.empty());
                default -> new Format(Kind.CURRENCY, 2,
                        Optional.of(m.group(2) != null ? m.group(2) : defaultCurrency));
            });
        }
        int decimals = Integer.parseInt(m.group(4));
        return Optional.of(new Format(m.group(3).equals("decimal") ? Kind.DECIMAL : Kind.PERCENT, decimals,
                Optional.empty()));
    }

    /**
     * True for an ISO 4217 code of money the JDK knows, such as USD or EUR, so formatting cannot fail
     * (not XXX or XAU, which have no minor unit).
     */
    public static boolean isCurrencyCode(String code) {
        return Currency.getAvailableCurrencies().stream()
                .anyMatch(c -> c.getCurrencyCode().equals(code) && c.getDefaultFractionDigits() >= 0);
    }

    /** The name as written in the model, e.g. {@code percent_1}. */
    public String yamlName() {
        return switch (kind) {
            case INTEGER -> "integer";
            case MINUTES -> "minutes";
            case CURRENCY -> "currency_" + currency.orElse("USD");
            case DECIMAL -> "decimal_" + decimals;
            case PERCENT -> "percent_" + decimals;
        };
    }

    /** The value formatted for a person; nulls show as an empty string (no data, not zero). */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        BigDecimal v = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return switch (kind) {
            case INTEGER -> pattern(0).format(v.setScale(0, RoundingMode.HALF_UP));
            case DECIMAL -> pattern(decimals).format(v);
            case PERCENT -> pattern(decimals).format(v.movePointRight(2)) + "%";
            case MINUTES -> pattern(decimals).format(v) + " min";
            case CURRENCY -> currencyText(v);
        };
    }

    private String currencyText(BigDecimal v) {
        Currency c = Currency.getInstance(currency.orElse("USD"));
        String symbol = c.getSymbol(Locale.US);
        String digits = pattern(c.getDefaultFractionDigits()).format(v.abs());
        return (v.signum() < 0 ? "-" : "") + symbol + (symbol.length() > 1 && !symbol.equals("$") ? " " : "") + digits;
    }

    private static DecimalFormat pattern(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
