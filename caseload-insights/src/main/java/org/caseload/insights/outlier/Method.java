package org.caseload.insights.outlier;

/** How "stands out" is decided. */
public enum Method {
    /** Modified z-score against the peer group's median and MAD (Iglewicz & Hoaglin); default threshold 3.5. */
    MAD(3.5),
    /** Outside Tukey's fences Q1 − k·IQR, Q3 + k·IQR of the peer group; the threshold is k (1.5, or 3 for far out). */
    IQR(1.5),
    /** Modified z-score against the entity's own trailing periods (same weekday for days); default 3.5. */
    BASELINE(3.5);

    public final double defaultThreshold;

    Method(double defaultThreshold) {
        this.defaultThreshold = defaultThreshold;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code mad}, {@code iqr} or {@code baseline}; anything else is a request error on {@code field}. */
    public static Method parse(String text, String field) {
        for (Method m : values()) {
            if (m.wireName().equals(text)) return m;
        }
        throw new org.caseload.engine.query.RequestException(field, "unknown method '" + text + "'",
                java.util.Optional.of("one of mad, iqr, baseline"));
    }
}
