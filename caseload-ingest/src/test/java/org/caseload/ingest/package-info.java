/** Test support shared by the loader and generator tests: real DuckDB files and SQL checksums. */
package org.caseload.ingest;
