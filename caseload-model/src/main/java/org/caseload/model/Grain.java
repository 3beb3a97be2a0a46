package org.caseload.model;

import java.util.Arrays;
import java.util.Optional;

/** Time grains. Weeks are ISO weeks starting on Monday; every bucket is named by its first day. */
public enum Grain {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    public String yamlName() {
        return name().toLowerCase();
    }

    public static Optional<Grain> parse(String s) {
        return Arrays.stream(values()).filter(g -> g.yamlName().equalsIgnoreCase(s)).findFirst();
    }
}
