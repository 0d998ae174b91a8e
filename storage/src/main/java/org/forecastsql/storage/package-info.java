/**
 * Storage for ForecastSQL (DESIGN §3): scans of series data from a JDBC {@link java.sql.ResultSet}
 * into columnar primitive arrays ({@link org.forecastsql.storage.SeriesScanner}) and the versioned,
 * transactional model catalogue kept in the user's H2 database ({@link org.forecastsql.storage.ModelCatalog}).
 *
 * <p>Imports {@code java.*} (chiefly {@code java.sql}), H2 through JDBC only (no {@code org.h2} classes),
 * and SLF4J. Never the engine, never Calcite: the build bans both.
 */
package org.forecastsql.storage;
