package org.caseload.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.caseload.testkit.CaseloadTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The app on the test kit's databases with MockMvc. Demo mode, so the context starts with its one
 * committed user (demo/demo, admin); everything else a test writes is rolled back after it. One
 * context for every class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CaseloadTest(properties = {"caseload.demo=true", "logging.level.caseload.analytics.sql=warn"})
@AutoConfigureMockMvc
public @interface AppTest {}
