/**
 * The model's expression language: a portable subset of SQL (arithmetic, comparisons, CASE, IN,
 * a closed list of functions) parsed into a sealed tree. Depends on nothing.
 */
package org.caseload.model.expr;
