package org.caseload.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.caseload.testkit.spring.CaseloadContextCustomizerFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test (mock web environment) on the kit's databases: the analytics warehouse in a
 * DuckDB file of this test run ({@code caseload.analytics.db}, schema created once per run) and the
 * app database in H2 memory ({@code spring.datasource.url=jdbc:h2:mem:caseload-test;DB_CLOSE_DELAY=-1},
 * schema by Flyway at context start). Each test runs in a transaction per database, rolled back
 * after it; {@link org.caseload.testkit.fixtures.Fixtures} parameters are resolved.
 *
 * <p>{@link #properties()} override the kit's defaults, e.g. another analytics URL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CaseloadExtension.class) // before SpringExtension: its callbacks wrap Spring's (and @Transactional's)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextCustomizerFactories(CaseloadContextCustomizerFactory.class)
public @interface CaseloadTest {
    /** Extra properties ({@code key=value}), above the kit's defaults. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** The configuration classes; by default Spring Boot finds the {@code @SpringBootConfiguration}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};

    /** The bean name of the analytics DataSource, where fixtures go and the warehouse schema is created. */
    String analyticsDataSource() default "analyticsDataSource";
}
