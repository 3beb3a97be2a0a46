package org.caseload.testkit.spring;

import java.lang.reflect.Modifier;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.caseload.testkit.jdbc.TestDatabase;
import org.caseload.testkit.warehouse.TestWarehouse;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every DataSource bean, once initialized (pool settings bound), in a proxy of the pool's own
 * class — so injection by {@code HikariDataSource} still works — whose {@code getConnection()}
 * goes to the bean's {@link TestDatabase}; every other method reaches the pool. On the analytics
 * DataSource it first creates the warehouse schema, once per test run.
 */
final class PinningDataSourcePostProcessor implements BeanPostProcessor {
    private final TestDatabases registry;

    PinningDataSourcePostProcessor(TestDatabases registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource ds) || bean instanceof TestDataSource) return bean;
        if (beanName.equals(registry.analyticsBeanName())) TestWarehouse.ensureSchema(ds);
        TestDatabase db = registry.register(beanName, ds);
        ProxyFactory pf = new ProxyFactory(ds);
        pf.setProxyTargetClass(!Modifier.isFinal(ds.getClass().getModifiers()));
        pf.addInterface(TestDataSource.class);
        pf.addAdvice((MethodInterceptor) inv -> {
            var m = inv.getMethod();
            if (m.getDeclaringClass() == TestDataSource.class) return db;
            if (m.getName().equals("getConnection")) {
                Object[] a = inv.getArguments();
                return a.length == 2 ? db.getConnection((String) a[0], (String) a[1]) : db.getConnection();
            }
            return inv.proceed();
        });
        return pf.getProxy(ds.getClass().getClassLoader());
    }
}
