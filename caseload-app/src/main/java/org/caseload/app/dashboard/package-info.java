/** Dashboards: ordered tiles of saved requests (JPA), run in parallel on a bounded executor. Depends on explore. */
package org.caseload.app.dashboard;
