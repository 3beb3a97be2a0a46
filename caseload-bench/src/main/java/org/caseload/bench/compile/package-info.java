/** JMH benchmarks of request-to-SQL compilation, which needs no database, and the code that runs them. */
package org.caseload.bench.compile;
