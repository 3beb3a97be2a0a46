package org.caseload.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for names: the closest candidate by edit distance, if it is close enough to be a typo. */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "did you mean '" + c + "'?");
    }

    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String w = wrong.toLowerCase();
        return candidates.stream()
                .filter(c -> {
                    int d = distance(w, c.toLowerCase());
                    // Short names are too easily "close" to anything: demand that most of the word survives.
                    return (d <= Math.max(1, Math.min(3, w.length() / 3)) && d < w.length() / 2 + 1)
                            || (w.length() >= 3 && c.toLowerCase().startsWith(w));
                })
                .min(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase())).thenComparing(c -> c));
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
