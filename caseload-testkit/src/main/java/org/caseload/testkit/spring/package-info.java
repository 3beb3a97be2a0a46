/**
 * The Spring half of the test kit: a context customizer (registered by {@code @CaseloadTest})
 * that points the application at the kit's databases and installs a bean post-processor wrapping
 * every {@code DataSource} bean so that, during a test, it hands out the test's pinned connection.
 */
package org.caseload.testkit.spring;
