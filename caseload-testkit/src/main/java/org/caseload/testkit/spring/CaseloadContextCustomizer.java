package org.caseload.testkit.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.warehouse.TestWarehouse;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Prepares a test's application context: the kit's databases as defaults (below the test's own
 * {@code properties}), the registry of test databases, the DataSource post-processor and the
 * {@link Fixtures} bean. Equal for equal settings, so Spring's context cache shares contexts.
 */
final class CaseloadContextCustomizer implements ContextCustomizer {
    static final String PROPERTY_SOURCE = "caseloadTestkit";
    static final String H2_URL = "jdbc:h2:mem:caseload-test;DB_CLOSE_DELAY=-1";

    private final String analyticsBean;

    CaseloadContextCustomizer(String analyticsBean) {
        this.analyticsBean = analyticsBean;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("caseload.analytics.db", TestWarehouse.duckdbFile().toString());
        props.put("spring.datasource.url", H2_URL);
        props.put("spring.datasource.username", "sa");
        props.put("spring.datasource.password", "");
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource mine = new MapPropertySource(PROPERTY_SOURCE, props);
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) sources.addAfter(inlined, mine);
        else sources.addFirst(mine);

        TestDatabases registry = new TestDatabases(analyticsBean);
        var beans = context.getBeanFactory();
        beans.registerSingleton("caseloadTestDatabases", registry);
        beans.addBeanPostProcessor(new PinningDataSourcePostProcessor(registry));
        RootBeanDefinition fixtures = new RootBeanDefinition(Fixtures.class, () -> {
            context.getBean(analyticsBean); // created (and registered with the kit) before the fixtures use it
            return new Fixtures(registry.analytics());
        });
        fixtures.setLazyInit(true);
        ((BeanDefinitionRegistry) beans).registerBeanDefinition("caseloadFixtures", fixtures);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseloadContextCustomizer c && c.analyticsBean.equals(analyticsBean);
    }

    @Override
    public int hashCode() {
        return Objects.hash(CaseloadContextCustomizer.class, analyticsBean);
    }
}
