/**
 * The warehouse schema as plain records: the contract importers and the model share. Depends on
 * nothing; the engine turns it into per-dialect DDL.
 */
package org.caseload.model.warehouse;
