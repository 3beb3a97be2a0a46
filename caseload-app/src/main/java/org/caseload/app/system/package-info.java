/**
 * Cross-cutting wiring: the two named pools, security, API errors, request ids, the analytics SQL
 * log and startup checks. Features depend on it; it depends on no feature but user.
 */
package org.caseload.app.system;
