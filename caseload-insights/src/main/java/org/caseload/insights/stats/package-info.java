/** Robust statistics on small samples of aggregated rows, on commons-math3. Depends on nothing else. */
package org.caseload.insights.stats;
