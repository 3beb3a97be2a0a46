/** The wide-scan check: a ~100k-row result streamed in a child JVM capped at 256 MiB of heap. */
package org.caseload.bench.scan;
