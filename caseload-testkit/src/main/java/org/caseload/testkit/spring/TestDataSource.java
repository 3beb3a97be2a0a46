package org.caseload.testkit.spring;

import org.caseload.testkit.jdbc.TestDatabase;

/** Implemented by every DataSource bean of a {@code @CaseloadTest} context: its test database. */
public interface TestDataSource {
    TestDatabase testDatabase();
}
