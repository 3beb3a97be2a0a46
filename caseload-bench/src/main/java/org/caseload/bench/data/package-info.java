/** Demo warehouses for the benchmarks, generated once per seed and size and then reused from disk. */
package org.caseload.bench.data;
