/**
 * The global regression family: one model fitted across all series of a batch on features from
 * {@code engine.features} (direct multi-horizon, log1p target for counts), by one of two learners
 * ({@code learner=ridge|gbt}): ridge regression (standardised coefficients as importance) or
 * gradient-boosted trees through XGBoost ({@link org.forecastsql.engine.regression.BoostedTrees},
 * the only class that imports it; gain as importance); intervals from empirical residual quantiles
 * per horizon step and series level; serialisation to bytes. Imports java.*, engine.calendar,
 * engine.features, engine.model and ml.dmlc.xgboost4j.java.
 */
package org.forecastsql.engine.regression;
