/**
 * Scores: components normalized within peer groups, weighted, ranked, with not-scored reasons.
 * Depends on the engine (for the one aggregated query) and the stats package.
 */
package org.caseload.insights.score;
