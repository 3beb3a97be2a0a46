/**
 * Generates a deterministic, realistic demo warehouse (a 12-clinic network over 2024–2025) with five
 * planted anomalies that the docs and tests can name, written through the warehouse loader.
 */
package org.caseload.ingest.demo;
