/** Result output of the CLI: table (formatted for people), CSV and JSON (raw values), streamed. */
package org.caseload.cli.output;
