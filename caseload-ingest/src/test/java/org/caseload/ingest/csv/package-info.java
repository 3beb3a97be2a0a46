/** Tests of the CSV reader against hand-written records and a simple split of generated input. */
package org.caseload.ingest.csv;
