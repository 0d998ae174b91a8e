package org.forecastsql.engine.ets;

/**
 * One estimated ETS model, the fields of R's {@code ets} object that forecasting needs.
 *
 * @param spec      the model form
 * @param m         season length used (1 for non-seasonal models)
 * @param alpha     level smoothing; beta, gamma 0 and phi 1 when the component is absent
 * @param initState initial states (l, b, s_1..s_m), the implied last seasonal state included
 * @param lastState states after the last observation
 * @param loglik    R's {@code loglik = -0.5·lik}
 * @param aicc      AICc (aic and bic likewise, with {@code np} = parameters + initial states + 1)
 * @param sigma2    {@code Σe² / (n − k)}, k = smoothing parameters + optimised initial states, as {@code ets} computes it
 * @param mse       in-sample one-step MSE ({@code amse[1]})
 * @param fitted    one-step in-sample forecasts
 * @param residuals the errors e (relative for multiplicative error)
 */
public record EtsFit(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi,
                     double[] initState, double[] lastState, double loglik, double aic, double aicc, double bic,
                     double sigma2, double mse, double[] fitted, double[] residuals) {
}
