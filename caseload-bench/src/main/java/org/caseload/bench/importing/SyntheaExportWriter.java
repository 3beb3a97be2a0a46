package org.caseload.bench.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a large export in Synthea 3.3.0's CSV layout (same headers and value shapes as the committed
 * fixture: UUID ids, ISO UTC instants, two-decimal costs, SNOMED codes and descriptions), so the
 * importer parses what it would parse from Synthea, at a size Synthea itself takes hours to make.
 */
final class SyntheaExportWriter {
    private static final String[] CLASSES = {"ambulatory", "wellness", "outpatient", "inpatient", "urgentcare", "emergency"};
    private static final String[] DESCRIPTIONS = {"Encounter for symptom", "General examination of patient (procedure)",
            "Encounter for check up (procedure)", "Emergency room admission (procedure)", "Follow-up encounter",
            "Encounter for problem (procedure)"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SyntheaExportWriter() {}

    static void write(Path dir, int organizations, int providers, int patients, int encounters, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        String[] orgs = ids(random, organizations);
        String[] provs = ids(random, providers);
        String[] pats = ids(random, patients);
        try (BufferedWriter w = writer(dir.resolve("organizations.csv"))) {
            w.write("Id,NAME,ADDRESS,CITY,STATE,ZIP,LAT,LON,PHONE,REVENUE,UTILIZATION\n");
            for (int i = 0; i < organizations; i++) {
                w.write(orgs[i] + ",Clinic " + i + "," + (100 + i) + " Main Street,Springfield,MA,01101,42.1,-72.5,555-0100,0.0," + i + "\n");
            }
        }
        try (BufferedWriter w = writer(dir.resolve("providers.csv"))) {
            w.write("Id,ORGANIZATION,NAME,GENDER,SPECIALITY,ADDRESS,CITY,STATE,ZIP,LAT,LON,ENCOUNTERS,PROCEDURES\n");
            for (int i = 0; i < providers; i++) {
                w.write(provs[i] + "," + orgs[i % organizations] + ",Provider" + i + " Name" + i + ",F,GENERAL PRACTICE,"
                        + "1 Main Street,Springfield,MA,01101,42.1,-72.5,10,0\n");
            }
        }
        try (BufferedWriter w = writer(dir.resolve("patients.csv"))) {
            w.write("Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,MARITAL,RACE,"
                    + "ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,LON,HEALTHCARE_EXPENSES,"
                    + "HEALTHCARE_COVERAGE,INCOME\n");
            for (int i = 0; i < patients; i++) {
                w.write(pats[i] + "," + (1940 + random.nextInt(80)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                        + ",,999-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999)) + ",S999,X1,Mr.,First" + i
                        + ",,Last" + i + ",,,M,white,nonhispanic," + (random.nextBoolean() ? "M" : "F")
                        + ",Boston Massachusetts US,12 Elm Road,Springfield,Massachusetts,Hampden County,25013,01101,42.1,-72.5,"
                        + "1000.00,200.00,50000\n");
            }
        }
        long start = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
        long span = 3L * 365 * 86_400;
        try (BufferedWriter w = writer(dir.resolve("encounters.csv"))) {
            w.write("Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,BASE_ENCOUNTER_COST,"
                    + "TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION\n");
            StringBuilder line = new StringBuilder(320);
            for (int i = 0; i < encounters; i++) {
                int provider = random.nextInt(providers);
                long begin = start + (long) (random.nextDouble() * span);
                long end = begin + 900 + random.nextInt(3600);
                int kind = random.nextInt(CLASSES.length);
                line.setLength(0);
                line.append(new UUID(random.nextLong(), random.nextLong())).append(',')
                        .append(ISO.format(Instant.ofEpochSecond(begin))).append(',')
                        .append(ISO.format(Instant.ofEpochSecond(end))).append(',')
                        .append(pats[random.nextInt(patients)]).append(',')
                        .append(orgs[provider % organizations]).append(',')
                        .append(provs[provider]).append(',')
                        .append(orgs[0]).append(',')
                        .append(CLASSES[kind]).append(",185345009,").append(DESCRIPTIONS[kind]).append(',')
                        .append(cents(random.nextInt(20_000))).append(',').append(cents(random.nextInt(200_000))).append(',')
                        .append("0.00,36971009,Sinusitis (disorder)\n");
                w.append(line);
            }
        }
    }

    private static String cents(int cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    private static String[] ids(SplittableRandom random, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return ids;
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
