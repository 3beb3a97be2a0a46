package org.caseload.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> TABLES =
            List.of("locations", "services", "role_groups", "staff", "patients", "visits", "shifts");

    @Test
    void suggestsTheTableOneEditAway() {
        assertThat(Suggestions.didYouMean("vists", TABLES)).contains("did you mean 'visits'?");
    }

    @Test
    void swappedLettersCountAsOneEdit() {
        assertThat(Suggestions.distance("stauts", "status")).isEqualTo(1);
        assertThat(Suggestions.didYouMean("stauts", List.of("visit_id", "status", "started_at")))
                .contains("did you mean 'status'?");
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(Suggestions.closest("revenue", List.of("visits", "booked"))).isEmpty();
    }

    @Test
    void oneLetterNamesGetNoSuggestion() {
        assertThat(Suggestions.closest("a", List.of("b"))).isEmpty();
    }

    @Test
    void aPrefixOfThreeOrMoreLettersIsCompleted() {
        assertThat(Suggestions.closest("vis", List.of("services", "visits"))).contains("visits");
    }

    @Test
    void theNearestCandidateWins() {
        assertThat(Suggestions.closest("visit", List.of("visit_minutes", "visits"))).contains("visits");
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertThat(Suggestions.closest("cat", List.of("hat", "bat"))).contains("bat");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.closest("VISITS", List.of("visits"))).contains("visits");
    }

    @Test
    void longerNamesAllowMoreTypos() {
        assertThat(Suggestions.closest("count_distnct", List.of("count", "count_distinct"))).contains("count_distinct");
        assertThat(Suggestions.closest("clinicl_hrs", List.of("clinical_hours"))).contains("clinical_hours");
    }
}
