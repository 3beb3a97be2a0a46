/**
 * A real multi-node Trino for Caseload's tests: Trino's own {@code DistributedQueryRunner} (a
 * coordinator and two workers, each a full Trino server with its HTTP endpoints) inside the test
 * JVM, with the memory connector as the warehouse. It lives here, in main code, rather than in one
 * module's tests so any module can point its engine at Trino through the JDBC driver, the way a
 * deployment would, without Docker. Trino's jars are Java 25 class files, hence a JDK 25 module
 * built only with {@code -Ptrino}; everything else in Caseload stays on Java 17.
 */
package org.caseload.trino;
