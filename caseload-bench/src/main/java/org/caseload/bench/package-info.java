/**
 * The benchmark command: compile time through JMH, engine versus hand-written SQL on DuckDB, and a
 * wide scan in a small heap, each printed next to its target in one summary.
 */
package org.caseload.bench;
