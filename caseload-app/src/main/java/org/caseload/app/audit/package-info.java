/** The audit log of analytics queries (JPA) and its admin view. Depends on nothing else in the app. */
package org.caseload.app.audit;
