/**
 * End-to-end comparison: each representative request runs through the engine and as SQL an analyst
 * would write by hand, on the same pool; rows are checked equal before any timing counts.
 */
package org.caseload.bench.e2e;
