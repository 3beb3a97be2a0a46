/**
 * Cross-cutting wiring: the two named pools and their settings for servers, security, API errors,
 * request ids, the analytics SQL log, startup checks, and what the app does when a database fails
 * (which failure it is, the one retry of a read, cancelling a query whose client went away). Features
 * depend on it; it depends on no feature but user.
 */
package org.caseload.app.system;
