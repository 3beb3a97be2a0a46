package org.caseload.ingest.demo;

import java.time.LocalDate;

/**
 * An anomaly the demo data contains on purpose, for docs and tests to point at. {@code metric} and
 * {@code dimension} are names from the semantic model; {@code memberKey} is the dimension key (a
 * location or staff id) and {@code memberLabel} its display name. The period is {@code [from, to)}.
 */
public record PlantedAnomaly(
        String name,
        String metric,
        String dimension,
        String memberKey,
        String memberLabel,
        LocalDate from,
        LocalDate to,
        String description) {}
