/**
 * Benchmark mains for the storage module (scan throughput, catalogue save and read times); they print
 * figures and assert nothing. Imports the storage API, {@code java.*} and H2 through JDBC.
 */
package org.forecastsql.storage.bench;
