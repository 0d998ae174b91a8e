/**
 * The jdbc:forecast: JDBC driver: URL handling, connections and statements that route SQL to H2 or
 * Calcite by its parse tree, CURSOR rewriting, INSERT ... SELECT over table functions, and the mapping
 * of error codes to SQLStates. Imports java.sql, Calcite (parser only) and sql-functions.
 */
package org.forecastsql.jdbc;
