package org.caseload.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatTest {

    private static Format format(String name) {
        return Format.parse(name, "USD").orElseThrow(() -> new AssertionError("not a format: " + name));
    }

    @Test
    void integerRoundsHalfUpAndGroupsThousands() {
        assertThat(format("integer").format(1234)).isEqualTo("1,234");
        assertThat(format("integer").format(1234.5)).isEqualTo("1,235");
        assertThat(format("integer").format(0L)).isEqualTo("0");
        assertThat(format("integer").format(-2.5)).isEqualTo("-3");
    }

    @Test
    void decimalShowsExactlyNDecimals() {
        assertThat(format("decimal_2").format(3.14159)).isEqualTo("3.14");
        assertThat(format("decimal_2").format(2)).isEqualTo("2.00");
        assertThat(format("decimal_2").format(1234567.891)).isEqualTo("1,234,567.89");
        assertThat(format("decimal_0").format(3.7)).isEqualTo("4");
    }

    @Test
    void decimalRoundsTheWrittenValueNotItsBinaryApproximation() {
        // 2.675 as a double is 2.67499999...; it is shown as people wrote it.
        assertThat(format("decimal_2").format(2.675)).isEqualTo("2.68");
    }

    @Test
    void percentTreatsTheValueAsAFraction() {
        assertThat(format("percent_1").format(0.0834)).isEqualTo("8.3%");
        assertThat(format("percent_1").format(0.12345)).isEqualTo("12.3%");
        assertThat(format("percent_1").format(1)).isEqualTo("100.0%");
        assertThat(format("percent_0").format(new BigDecimal("0.5"))).isEqualTo("50%");
        assertThat(format("percent_2").format(0.00049)).isEqualTo("0.05%");
    }

    @Test
    void currencyInUsDollars() {
        assertThat(format("currency").format(1234.5)).isEqualTo("$1,234.50");
        assertThat(format("currency_USD").format(0)).isEqualTo("$0.00");
    }

    @Test
    void negativeCurrencyPutsTheSignBeforeTheSymbol() {
        assertThat(format("currency").format(-1234.5)).isEqualTo("-$1,234.50");
    }

    @Test
    void currencyInEurosAndOthers() {
        assertThat(format("currency_EUR").format(1234.5)).isEqualTo("€1,234.50");
        assertThat(format("currency_EUR").format(-0.5)).isEqualTo("-€0.50");
        assertThat(format("currency_GBP").format(1234.5)).isEqualTo("£1,234.50");
    }

    @Test
    void currencyUsesTheCurrencysOwnMinorUnits() {
        assertThat(format("currency_JPY").format(1234.5)).isEqualTo("¥1,235");
    }

    @Test
    void aCurrencyWithoutASymbolIsSpacedFromTheAmount() {
        assertThat(format("currency_CHF").format(1234.5)).isEqualTo("CHF 1,234.50");
    }

    @Test
    void bareCurrencyIsTheModelsCurrency() {
        assertThat(Format.parse("currency", "EUR"))
                .contains(new Format(Format.Kind.CURRENCY, 2, Optional.of("EUR")));
        assertThat(Format.parse("currency", "EUR").orElseThrow().format(10)).isEqualTo("€10.00");
    }

    @Test
    void minutesShowOneDecimalAndTheUnit() {
        assertThat(format("minutes").format(12.345)).isEqualTo("12.3 min");
        assertThat(format("minutes").format(90)).isEqualTo("90.0 min");
    }

    @Test
    void nullIsEmptyNotZero() {
        assertThat(format("integer").format(null)).isEmpty();
        assertThat(format("currency").format(null)).isEmpty();
        assertThat(format("percent_1").format(null)).isEmpty();
    }

    @Test
    void nonNumbersAreShownAsTheyAre() {
        assertThat(format("decimal_2").format("n/a")).isEqualTo("n/a");
    }

    @Test
    void parsedFormatsKnowTheirKindAndDecimals() {
        assertThat(Format.parse("integer", "USD")).contains(Format.INTEGER);
        assertThat(Format.parse("decimal_2", "USD")).contains(new Format(Format.Kind.DECIMAL, 2, Optional.empty()));
        assertThat(Format.parse("percent_6", "USD")).contains(new Format(Format.Kind.PERCENT, 6, Optional.empty()));
        assertThat(Format.parse("minutes", "USD")).contains(new Format(Format.Kind.MINUTES, 1, Optional.empty()));
        assertThat(Format.parse("currency_GBP", "USD"))
                .contains(new Format(Format.Kind.CURRENCY, 2, Optional.of("GBP")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "decimal_0", "decimal_6", "percent_1", "minutes", "currency_EUR"})
    void yamlNameIsWhatWasWritten(String name) {
        assertThat(format(name).yamlName()).isEqualTo(name);
    }

    @Test
    void yamlNameOfBareCurrencyNamesTheCurrency() {
        assertThat(format("currency").yamlName()).isEqualTo("currency_USD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"integr", "", "Integer", "decimal", "decimal_", "decimal_7", "percent", "percent_10",
            "integer_USD", "minutes_EUR", "currency_usd", "currency_EURO", "currency_ABC", "currency_XXX", " integer"})
    void notFormats(String name) {
        assertThat(Format.parse(name, "USD")).isEmpty();
    }

    @Test
    void currencyCodesAreTheJdksMoneyCodes() {
        assertThat(Format.isCurrencyCode("USD")).isTrue();
        assertThat(Format.isCurrencyCode("EUR")).isTrue();
        assertThat(Format.isCurrencyCode("ABC")).isFalse();
        assertThat(Format.isCurrencyCode("XAU")).as("gold has no minor unit").isFalse();
    }
}
