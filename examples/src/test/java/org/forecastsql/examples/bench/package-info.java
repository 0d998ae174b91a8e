/**
 * Benchmark mains for the examples: they print figures and assert nothing. Imports {@code java.*}
 * and the public API of {@code org.forecastsql.examples}.
 */
package org.forecastsql.examples.bench;
