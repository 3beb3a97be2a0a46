/**
 * Caseload's test kit for applications that embed it. Annotate a test class with
 * {@link org.caseload.testkit.CaseloadTest}: each test then runs in one transaction per database
 * (the app database and the analytics warehouse), rolled back after the test, and every
 * connection the code under test takes — through jOOQ, JPA, plain JDBC, on any thread — sees the
 * test's uncommitted rows. {@link org.caseload.testkit.fixtures.Fixtures} (a test method parameter,
 * or {@code @Autowired}) writes warehouse rows. See the module's README.
 */
package org.caseload.testkit;
