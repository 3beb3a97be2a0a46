/**
 * Dialect knowledge beyond jOOQ: named capability sets and the handful of functions jOOQ renders
 * wrongly for some dialect. Depends on jOOQ and the model's grains only.
 */
package org.caseload.engine.dialect;
