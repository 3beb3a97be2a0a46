/** The metric catalog page, read from the model. Depends on explore for reachability. */
package org.caseload.app.catalog;
