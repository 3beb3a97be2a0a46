/** Scores and outliers in the app: league table, outliers page and their API, with grants and audit. Depends on user and audit. */
package org.caseload.app.insight;
