package org.caseload.testkit.spring;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.caseload.testkit.jdbc.TestDatabase;

/**
 * The test databases of one application context, one per DataSource bean, by bean name; a bean
 * of the context ({@code caseloadTestDatabases}). The extension begins and ends them around each test.
 */
public final class TestDatabases {
    private final String analyticsBean;
    private final Map<String, TestDatabase> byBean = new LinkedHashMap<>();

    public TestDatabases(String analyticsBean) {
        this.analyticsBean = analyticsBean;
    }

    synchronized TestDatabase register(String beanName, DataSource target) {
        TestDatabase db = TestDatabase.of(beanName, target);
        byBean.put(beanName, db);
        return db;
    }

    public synchronized TestDatabase get(String beanName) {
        TestDatabase db = byBean.get(beanName);
        if (db == null) {
            throw new IllegalStateException("no DataSource bean named '" + beanName + "' in the test's context (have: "
                    + byBean.keySet() + ")");
        }
        return db;
    }

    /** The analytics database: the DataSource bean named by {@code @CaseloadTest(analyticsDataSource)}. */
    public TestDatabase analytics() {
        return get(analyticsBean);
    }

    public String analyticsBeanName() {
        return analyticsBean;
    }

    public synchronized List<TestDatabase> all() {
        return List.copyOf(byBean.values());
    }

    /** Pins a connection on every database; if one cannot be pinned, ends those already begun. */
    public void begin(String testName) throws SQLException {
        List<TestDatabase> begun = new ArrayList<>();
        try {
            for (TestDatabase db : all()) {
                db.begin(testName);
                begun.add(db);
            }
        } catch (SQLException | RuntimeException e) {
            for (TestDatabase db : begun) {
                try {
                    db.end();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Rolls every database back; the first failure is thrown after all have been tried. */
    public List<TestDatabase.EndReport> end() throws SQLException {
        List<TestDatabase.EndReport> reports = new ArrayList<>();
        SQLException failure = null;
        for (TestDatabase db : all()) {
            try {
                reports.add(db.end());
            } catch (SQLException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
        return reports;
    }
}
