/**
 * A small, fast CSV reader for EMR exports: RFC 4180 quoting, line numbers for error messages, and
 * fields decoded only when asked for, so columns an importer never reads (patient names, SSNs,
 * addresses) are skipped as bytes and never become strings in this process.
 */
package org.caseload.ingest.csv;
