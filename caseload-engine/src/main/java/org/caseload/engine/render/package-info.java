/**
 * Rendering: a {@link org.caseload.engine.plan.QueryPlan} becomes jOOQ QueryParts for the
 * connection's dialect, never string SQL. Depends on plan, dialect and the model.
 */
package org.caseload.engine.render;
