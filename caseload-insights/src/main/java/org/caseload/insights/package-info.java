/**
 * Insights over the engine's aggregated rows: scores ({@code score}) and outliers ({@code outlier}).
 * Depends on the engine for every number; statistics run on aggregated rows, never on raw facts.
 */
package org.caseload.insights;
