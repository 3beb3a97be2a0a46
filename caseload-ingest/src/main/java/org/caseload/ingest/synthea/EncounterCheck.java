package org.caseload.ingest.synthea;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.ingest.csv.CsvReader;
import org.caseload.ingest.imports.KeyIndex;
import org.caseload.ingest.imports.LocalTimeSql;
import org.caseload.ingest.imports.Values;
import org.caseload.model.warehouse.ColumnType;
import org.jooq.DataType;

/**
 * The direct load's check of one encounter record in its common form, straight from the field
 * bytes: no strings, dates or decimals are made, and the references are looked up by ordinal
 * without touching the ids held for them.
 *
 * <p>It only ever says yes when the row-by-row check ({@code SyntheaImport.visit} with the plain-form
 * and table checks around it) would accept the record too and add the same totals: every condition
 * here is that check's own narrowed to a form whose outcome is certain — printable ASCII ids within
 * the ID column's length, references found, a class already accepted as written, {@code
 * uuuu-MM-ddTHH:mm:ssZ} times with a valid date in the years the direct load converts, money in
 * plain digits within DECIMAL(12,2). Any other record is left to the row-by-row check (false), which
 * accepts it, or declines the direct load with its reason. So this class decides speed only, never
 * an outcome; {@code EncounterCheckTest} holds its parsing to the row-by-row path's on every edge.
 *
 * <p>Why: a million encounters took 2 s of checking on one core through the row objects — as long as
 * DuckDB took to insert them on both — and a third of it waited on cache misses in the id lookups.
 */
final class EncounterCheck {
    /** Cents in DECIMAL(12,2): at most twelve digits. */
    private static final long MONEY_LIMIT = 1_000_000_000_000L;
    private static final int MAX_ID_LENGTH = idLength();

    private final CsvReader csv;
    private final int fields;
    private final int id;
    private final int start;
    private final int stop;
    private final int patient;
    private final int organization;
    private final int provider;
    private final int encounterClass;
    private final int charge;
    private final KeyIndex organizations;
    private final KeyIndex patients;
    private final KeyIndex staff;
    private final KeyIndex classes;
    /** Zone offsets by organization ordinal. */
    private final Offsets[] zones;
    /** Classes (by ordinal in {@link #classes}) the row-by-row check accepted as written: their service is known. */
    private boolean[] acceptedClasses = new boolean[16];

    /**
     * @param c the columns of {@code SyntheaImport}'s ENCOUNTER_COLUMNS, in its order
     * @param zones the zone rules of each organization ordinal of {@code organizations}
     */
    EncounterCheck(CsvReader csv, int fields, int[] c, KeyIndex organizations, ZoneRules[] zones, KeyIndex patients,
            KeyIndex staff, KeyIndex classes) {
        this.csv = csv;
        this.fields = fields;
        this.id = c[0];
        this.start = c[1];
        this.stop = c[2];
        this.patient = c[3];
        this.organization = c[4];
        this.provider = c[5];
        this.encounterClass = c[6];
        this.charge = c[7];
        this.organizations = organizations;
        Map<ZoneRules, Offsets> distinct = new HashMap<>();
        this.zones = new Offsets[zones.length];
        for (int i = 0; i < zones.length; i++) {
            this.zones[i] = distinct.computeIfAbsent(zones[i], Offsets::new);
        }
        this.patients = patients;
        this.staff = staff;
        this.classes = classes;
    }

    /** The row-by-row check accepted a record of this class as written (its service is registered). */
    void classAccepted(String rawClass) {
        byte[] bytes = rawClass.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int ordinal = classes.ordinal(bytes, 0, bytes.length);
        if (ordinal >= acceptedClasses.length) {
            acceptedClasses = Arrays.copyOf(acceptedClasses, Math.max(ordinal + 1, acceptedClasses.length * 2));
        }
        acceptedClasses[ordinal] = true;
    }

    /**
     * Whether the current record is certainly accepted; if so its totals are added (as {@code
     * SyntheaImport.add} would). False decides nothing: the record goes to the row-by-row check.
     */
    boolean accept(long[] totals) {
        if (csv.fieldCount() != fields) {
            return false;
        }
        byte[] b = csv.data();
        int idLength = csv.length(id);
        int patientLength = csv.length(patient);
        int organizationLength = csv.length(organization);
        int providerLength = csv.length(provider);
        int classLength = csv.length(encounterClass);
        // Held ids fit as the field does: their UTF-16 length is at most their UTF-8 byte count.
        if (idLength == 0 || (idLength | patientLength | organizationLength | providerLength) > MAX_ID_LENGTH
                || !printableAscii(b, csv.start(id), idLength)) {
            return false;
        }
        int org = organizations.ordinal(b, csv.start(organization), organizationLength);
        if (org < 0 || patients.ordinal(b, csv.start(patient), patientLength) < 0
                || providerLength > 0 && staff.ordinal(b, csv.start(provider), providerLength) < 0) {
            return false;
        }
        int cls = classes.ordinal(b, csv.start(encounterClass), classLength);
        if (cls < 0 || cls >= acceptedClasses.length || !acceptedClasses[cls]) {
            return false;
        }
        long started = Values.plainEpochSecond(b, csv.start(start), csv.length(start));
        if (started == Values.NOT_PLAIN || !LocalTimeSql.covers(started)) {
            return false;
        }
        long elapsed = -1;
        if (!csv.isEmpty(stop)) {
            long ended = Values.plainEpochSecond(b, csv.start(stop), csv.length(stop));
            if (ended == Values.NOT_PLAIN || ended < started) {
                return false;
            }
            elapsed = ended - started;
        }
        long cents = -1;
        if (!csv.isEmpty(charge)) {
            cents = cents(b, csv.start(charge), csv.length(charge));
            if (cents < 0) {
                return false;
            }
        }
        totals[0]++;
        totals[1] += started + zones[org].offset(started);
        if (elapsed >= 0) {
            totals[2] += elapsed;
            totals[3]++;
        }
        if (cents >= 0) {
            totals[4] += cents;
            totals[5]++;
        }
        totals[6] += idLength + patientLength + organizationLength + classLength + providerLength;
        if (providerLength > 0) {
            totals[7]++;
        }
        return true;
    }

    /** Bytes 0x21–0x7E only: not blank to {@link String#isBlank}, one char per byte. */
    static boolean printableAscii(byte[] b, int off, int len) {
        int outside = 0;
        for (int i = off; i < off + len; i++) {
            int c = b[i];
            outside |= (c - 0x21) | (0x7E - c);
        }
        return outside >= 0;
    }

    /**
     * Cents of plain digits with no point or one followed by one or two decimals, below DECIMAL(12,2)'s
     * limit; -1 otherwise: the cents of {@code Values.money} where {@code Values.isPlainMoney} holds.
     */
    static long cents(byte[] b, int off, int len) {
        if (len == 0 || len > 15) {
            return -1;
        }
        long value = 0;
        int point = -1;
        for (int i = off; i < off + len; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else if (c == '.' && point < 0 && i > off) {
                point = i;
            } else {
                return -1;
            }
        }
        int decimals = point < 0 ? 0 : off + len - point - 1;
        long cents = point < 0 ? value * 100 : decimals == 1 ? value * 10 : decimals == 2 ? value : -1;
        return cents < MONEY_LIMIT ? cents : -1;
    }

    /**
     * A zone's UTC offsets over the years {@link LocalTimeSql} converts, as sorted arrays: the same
     * offsets as {@link ZoneRules#getOffset(Instant)}, which for instants past its stored transitions
     * (2008 on for New York) recomputes the year's transitions through a map on every call.
     */
    static final class Offsets {
        /** Epoch seconds at which the offset changes, ascending. */
        private final long[] transitions;
        /** offsets[i]: the offset from transitions[i - 1] (from the first year for i = 0) on. */
        private final int[] offsets;

        Offsets(ZoneRules rules) {
            long first = LocalTimeSql.firstSecond();
            long end = LocalTimeSql.endSecond();
            java.util.List<ZoneOffsetTransition> list = new java.util.ArrayList<>();
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(first));
            while (next != null && next.toEpochSecond() < end) {
                list.add(next);
                next = rules.nextTransition(next.getInstant());
            }
            transitions = new long[list.size()];
            offsets = new int[list.size() + 1];
            offsets[0] = rules.getOffset(Instant.ofEpochSecond(first)).getTotalSeconds();
            for (int i = 0; i < list.size(); i++) {
                transitions[i] = list.get(i).toEpochSecond();
                offsets[i + 1] = list.get(i).getOffsetAfter().getTotalSeconds();
            }
        }

        /** The offset at {@code epochSecond}, which {@link LocalTimeSql#covers}. */
        int offset(long epochSecond) {
            int i = Arrays.binarySearch(transitions, epochSecond);
            return offsets[i >= 0 ? i + 1 : -i - 1];
        }
    }

    private static int idLength() {
        DataType<?> type = WarehouseDdl.dataType(ColumnType.ID);
        return type.lengthDefined() ? type.length() : Integer.MAX_VALUE;
    }
}
