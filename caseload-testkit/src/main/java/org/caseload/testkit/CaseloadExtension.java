package org.caseload.testkit;

import java.util.List;
import javax.sql.DataSource;
import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.jdbc.TestDatabase;
import org.caseload.testkit.spring.TestDatabases;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Begins the test's transaction on every database of the test's application context before each
 * test (before {@code @BeforeEach} methods, so their rows are rolled back too) and rolls them back
 * after it (after {@code @AfterEach} methods). Resolves {@link Fixtures} and {@link TestDatabases}
 * parameters. Registered by {@link CaseloadTest}.
 */
public final class CaseloadExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CaseloadExtension.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CaseloadExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ApplicationContext app = SpringExtension.getApplicationContext(context);
        app.getBeansOfType(DataSource.class); // a lazy DataSource bean joins the kit before the test, not during it
        TestDatabases dbs = databases(app);
        dbs.begin(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        context.getStore(NS).put(TestDatabases.class, dbs);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestDatabases dbs = context.getStore(NS).remove(TestDatabases.class, TestDatabases.class);
        if (dbs == null) return;
        List<TestDatabase.EndReport> reports = dbs.end();
        for (TestDatabase.EndReport r : reports) {
            if (r.unclosedHandles() > 0) {
                LOG.warn("{}: {} connection(s) taken from '{}' during the test were never closed", context.getDisplayName(),
                        r.unclosedHandles(), r.database());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        return type == Fixtures.class || type == TestDatabases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        ApplicationContext app = SpringExtension.getApplicationContext(e);
        return app.getBean(p.getParameter().getType());
    }

    private static TestDatabases databases(ApplicationContext app) {
        TestDatabases dbs = app.getBeanProvider(TestDatabases.class).getIfAvailable();
        if (dbs == null) {
            throw new ExtensionConfigurationException("CaseloadExtension needs the kit's context customizer: annotate the test"
                    + " class with @CaseloadTest instead of registering the extension alone");
        }
        return dbs;
    }
}
