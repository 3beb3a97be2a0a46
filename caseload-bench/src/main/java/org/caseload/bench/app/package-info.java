/**
 * The web application under load: the real app runs as a child JVM from its runnable jar, bound to
 * 127.0.0.1, on the default demo data; a client in this JVM times the overview page and an 8-tile
 * dashboard warm, then runs concurrent users over a mix of pages and API calls. Server-side times
 * come from Tomcat's access log, matched to each request by its {@code X-Request-Id}.
 */
package org.caseload.bench.app;
