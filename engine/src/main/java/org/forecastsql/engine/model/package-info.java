/**
 * The model interface every family implements (fit → immutable fitted model → forecast with intervals; serialise to versioned bytes) and the family registry. Imports java.* and the engine's own packages only.
 */
package org.forecastsql.engine.model;
