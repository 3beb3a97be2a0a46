package org.caseload.testkit.spring;

import java.util.List;
import org.caseload.testkit.CaseloadTest;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered by {@link CaseloadTest} through {@code @ContextCustomizerFactories}; not meant to be used directly. */
public final class CaseloadContextCustomizerFactory implements ContextCustomizerFactory {
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        CaseloadTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, CaseloadTest.class);
        return test == null ? null : new CaseloadContextCustomizer(test.analyticsDataSource());
    }
}
