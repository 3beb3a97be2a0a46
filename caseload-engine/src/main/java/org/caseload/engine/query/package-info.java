/** Requests as users state them (names, not model objects). Depends only on the model. */
package org.caseload.engine.query;
