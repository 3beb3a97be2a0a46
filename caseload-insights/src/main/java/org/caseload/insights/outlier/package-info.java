/**
 * Outliers: peer comparison (modified z-score, Tukey fences) and own-baseline comparison, each
 * flag explained in a sentence and drilled down to the member that contributes most. Depends on
 * the engine and the stats package.
 */
package org.caseload.insights.outlier;
