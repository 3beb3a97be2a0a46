/**
 * The web application, package by feature: {@code explore}, {@code dashboard}, {@code catalog},
 * {@code user}, {@code audit}, {@code system}. Features talk through their public services only.
 */
package org.caseload.app;
