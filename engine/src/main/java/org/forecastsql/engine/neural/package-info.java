/**
 * The global neural forecaster ({@code methods=neural}): one multi-layer perceptron trained
 * across all series of a batch on a scaled lookback window of the target plus the calendar,
 * holiday and covariate features of {@code engine.features}, direct multi-horizon (the step is
 * an input), emitting a grid of quantiles (pinball loss) for the point forecast (the median) and
 * the intervals. Training runs on ND4J (nd4j-native, or the CUDA backend under the Maven profile
 * {@code cuda}) and is the only code that touches ND4J ({@code Nd4jTrainer}, {@code Nd4jNetwork},
 * {@code Nd4jRuntime}); a fitted model forecasts in plain Java, so
 * reading and forecasting never load ND4J's natives. Imports java.*, SLF4J, ND4J (the three
 * classes above only), engine.calendar, engine.features and engine.model.
 */
package org.forecastsql.engine.neural;
