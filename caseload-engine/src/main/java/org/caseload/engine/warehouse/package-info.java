/** Per-dialect DDL of the warehouse schema, rendered by jOOQ from {@code org.caseload.model.warehouse}. */
package org.caseload.engine.warehouse;
