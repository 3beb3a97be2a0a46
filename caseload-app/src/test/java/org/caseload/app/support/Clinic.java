package org.caseload.app.support;

import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.fixtures.Location;
import org.caseload.testkit.fixtures.Patient;
import org.caseload.testkit.fixtures.Staff;

/**
 * A two-location clinic small enough to work every expected value out by hand.
 *
 * <pre>
 * L1 "Alder Clinic" (North)                      L2 "Birch Clinic" (South)
 * visit  scheduled         status     wait len charge    visit  scheduled         status     wait len charge
 * a1     2024-01-10 09:00  completed  10   30  100.00    b1     2024-01-15 14:00  completed  20   60  250.00
 * a2     2024-01-10 10:00  completed   0   20   80.00    b2     2024-01-16 09:00  completed   0   40  150.00
 * a3     2024-01-11 09:00  no_show                        b3     2024-01-17 09:00  cancelled
 * a0     2023-12-05 09:00  completed   0   30   90.00    b0     2023-12-06 09:00  completed   0   30   60.00
 *                                                        b00    2023-12-07 09:00  completed   0   30   70.00
 * shift  staff s1 2024-01-10 08:00, 8 h, 800.00          shift  staff s2 2024-01-15 12:00, 6 h, 720.00
 * </pre>
 *
 * January 2024 ([2024-01-01, 2024-02-01)): L1 visits 2, booked 3, no-shows 1, charges 180.00, staff
 * cost 800.00; L2 visits 2, booked 2, no-shows 0, charges 400.00, staff cost 720.00. December 2023:
 * L1 visits 1, L2 visits 2.
 */
public record Clinic(Location l1, Location l2, Staff s1, Staff s2) {
    public static Clinic create(Fixtures f) {
        Location l1 = f.location().name("Alder Clinic").region("North").create();
        Location l2 = f.location().name("Birch Clinic").region("South").create();
        Staff s1 = f.staff().name("Ann Lee").home(l1).hourlyCost("100.00").create();
        Staff s2 = f.staff().name("Bob Ng").home(l2).hourlyCost("120.00").create();
        Patient p1 = f.patient().birthYear(1980).sex("female").create();
        Patient p2 = f.patient().birthYear(2010).sex("male").create();
        Patient p3 = f.patient().birthYear(null).create();

        f.visit().at(l1).staff(s1).patient(p1).scheduledAt("2024-01-10 09:00").waited(10).completed(30).charge("100.00").create();
        f.visit().at(l1).staff(s1).patient(p2).scheduledAt("2024-01-10 10:00").completed(20).charge("80.00").create();
        f.visit().at(l1).staff(s1).patient(p1).scheduledAt("2024-01-11 09:00").noShow().create();
        f.visit().at(l1).staff(s1).patient(p1).scheduledAt("2023-12-05 09:00").completed(30).charge("90.00").create();

        f.visit().at(l2).staff(s2).patient(p3).scheduledAt("2024-01-15 14:00").waited(20).completed(60).charge("250.00").create();
        f.visit().at(l2).staff(s2).patient(p3).scheduledAt("2024-01-16 09:00").completed(40).charge("150.00").create();
        f.visit().at(l2).staff(s2).patient(p2).scheduledAt("2024-01-17 09:00").cancelled().create();
        f.visit().at(l2).staff(s2).patient(p2).scheduledAt("2023-12-06 09:00").completed(30).charge("60.00").create();
        f.visit().at(l2).staff(s2).patient(p3).scheduledAt("2023-12-07 09:00").completed(30).charge("70.00").create();

        f.shift().staff(s1).at(l1).startedAt("2024-01-10 08:00").hours(8).cost("800.00").create();
        f.shift().staff(s2).at(l2).startedAt("2024-01-15 12:00").hours(6).cost("720.00").create();
        return new Clinic(l1, l2, s1, s2);
    }
}
