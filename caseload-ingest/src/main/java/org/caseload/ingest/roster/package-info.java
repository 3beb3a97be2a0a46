/**
 * Staff rosters (one CSV row per shift) as staff, role groups and per-day shift rows with cost.
 * A roster may refer to locations and staff of an EMR import, completing it with hours and cost.
 */
package org.caseload.ingest.roster;
