/**
 * Execution: runs compiled queries on a pooled DataSource through jOOQ and streams typed rows.
 * Depends on render, plan and jOOQ; knows no SQL text of its own.
 */
package org.caseload.engine.execute;
