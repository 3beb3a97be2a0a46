/**
 * The analytics warehouse of a test run: where its DuckDB file lives and the one-time creation of
 * the warehouse tables (through the engine's {@code WarehouseDdl}) on whatever analytics database
 * the tests use.
 */
package org.caseload.testkit.warehouse;
