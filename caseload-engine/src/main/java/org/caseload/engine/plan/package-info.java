/**
 * Planning: resolves a request's names against the model into an immutable {@link
 * org.caseload.engine.plan.QueryPlan}, applying grants and checking reachability and dialect
 * capabilities. Depends on the model, the request types and dialect capabilities; never on jOOQ rendering.
 */
package org.caseload.engine.plan;
