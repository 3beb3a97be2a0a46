package org.caseload.engine.dialect;

/** Things some dialects can do and others cannot; a missing one gives a clear error at planning time. */
public enum Capability {
    /** {@code median(x)} or an exact emulation through {@code percentile_cont(0.5)}. */
    MEDIAN("median"),
    /** Exact {@code percentile_cont(p) within group (order by x)}. */
    PERCENTILE("percentile");

    public final String label;

    Capability(String label) {
        this.label = label;
    }
}
