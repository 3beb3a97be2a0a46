package org.caseload.ingest.synthea;

import java.util.Arrays;
import java.util.function.Function;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.ingest.csv.CsvReader;
import org.caseload.ingest.imports.KeyIndex;
import org.caseload.ingest.imports.LocalTimeSql;
import org.caseload.ingest.imports.Values;
import org.caseload.model.warehouse.ColumnType;

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
    private static final int MAX_ID_LENGTH = WarehouseDdl.maxLength(ColumnType.ID);

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
    private final LocalTimeSql.Offsets[] zones;
    /** Classes (by ordinal in {@link #classes}) the row-by-row check accepted as written: their service is known. */
    private boolean[] acceptedClasses = new boolean[16];

    /**
     * @param c the columns of {@code SyntheaImport}'s ENCOUNTER_COLUMNS, in its order
     * @param zones the zone offsets of every organization in {@code organizations}, by its id
     */
    EncounterCheck(CsvReader csv, int fields, int[] c, KeyIndex organizations,
            Function<String, LocalTimeSql.Offsets> zones, KeyIndex patients, KeyIndex staff, KeyIndex classes) {
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
        this.zones = new LocalTimeSql.Offsets[organizations.size()];
        for (int i = 0; i < this.zones.length; i++) {
            this.zones[i] = zones.apply(organizations.id(i));
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
     * Whether the current record is certainly accepted; if so its totals are added ({@code
     * SyntheaImport.addTotals}, as for the row-by-row check). False decides nothing: the record goes to the row-by-row check.
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
        SyntheaImport.addTotals(totals, started + zones[org].offset(started), elapsed, cents,
                idLength + patientLength + organizationLength + classLength + providerLength, providerLength > 0);
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

    /** Cents of money {@link Values#money} reads in its plain form and DECIMAL(12,2) holds; -1 otherwise. */
    static long cents(byte[] b, int off, int len) {
        long cents = Values.plainCents(b, off, len);
        return cents < MONEY_LIMIT ? cents : -1;
    }
}
