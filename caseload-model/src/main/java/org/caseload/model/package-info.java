/**
 * The metrics model: YAML parsed into immutable, validated records (facts, measures, metrics,
 * dimensions, formats) with file:line:column errors. Depends only on SnakeYAML; the engine depends on it.
 */
package org.caseload.model;
