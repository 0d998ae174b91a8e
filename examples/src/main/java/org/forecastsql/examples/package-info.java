/**
 * Runnable examples that use ForecastSQL as a customer would: only {@code java.sql} at compile
 * time, with the {@code jdbc:forecast:} driver on the runtime class path.
 *
 * <p>Owns the seeded retail data generator ({@link org.forecastsql.examples.RetailDataGenerator}
 * and its package-private demand simulation), the end-to-end retail demo
 * ({@link org.forecastsql.examples.RetailDemo}) and its console table printer. May import
 * {@code java.*} only; never {@code org.forecastsql.engine}, {@code .storage}, {@code .sql} or
 * {@code .jdbc} classes (the build bans them at compile scope).
 */
package org.forecastsql.examples;
