/** What the app's tests share: the {@code @AppTest} annotation, the clinic fixture and test users. */
package org.caseload.app.support;
