/**
 * Explore: the analytics entry point of the app (grants, timeout, audit, SQL log), the query and
 * CSV API, saved explorations, and the Explore page. Depends on user, audit and system.
 */
package org.caseload.app.explore;
