package org.forecastsql.engine.arima;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.StateIO;

/**
 * A fitted ARIMA model: the order, the regression part (intercept, drift, user regressors), the
 * expanded polynomials and the filtered Kalman state at the end of the series. Forecasts are
 * R's {@code predict.Arima}: {@code KalmanForecast} means plus the regression on future values,
 * standard errors {@code sqrt(var · sigma2)}, normal intervals.
 *
 * @param order     model order
 * @param xregNames regression column names ("intercept", "drift", then the user's)
 * @param xregCoef  their coefficients
 * @param sigma2    innovation variance used for intervals
 * @param phi       expanded AR polynomial
 * @param theta     expanded MA polynomial
 * @param delta     differencing coefficients
 * @param state     filtered state at the end of the series
 * @param stateCov  its covariance (row-major, exactly symmetric: the upper triangle is stored), σ² = 1
 * @param fitted    one-step in-sample fitted values (y − R's residuals), at float precision (what
 *                  is stored: they describe the fit and take no part in forecasts)
 * @param aicc      the AICc the search ranked the model by (NaN when not searched)
 * @param fourierPeriods periods of the Fourier regressors ({@link FourierTerms}; empty: none)
 * @param fourierK  their numbers of harmonics; the model computes their future values itself
 */
record ArimaModel(ArimaOrder order, String[] xregNames, double[] xregCoef, double sigma2, double[] phi, double[] theta,
                  double[] delta, double[] state, double[] stateCov, double[] fitted, double aicc,
                  double[] fourierPeriods, int[] fourierK) implements FittedModel {

    /** The model of a fit with the given innovation variance, for a series of n observations. */
    static ArimaModel of(ArimaFit fit, double sigma2, double[] y, double aicc) {
        return of(fit, sigma2, y, aicc, new double[0], new int[0]);
    }

    /** As {@link #of(ArimaFit, double, double[], double)} with Fourier regressors among the fit's columns. */
    static ArimaModel of(ArimaFit fit, double sigma2, double[] y, double aicc, double[] fourierPeriods, int[] fourierK) {
        int narma = fit.order().narma();
        double[] xc = java.util.Arrays.copyOfRange(fit.coef(), narma, fit.coef().length);
        double[] fitted = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            fitted[t] = (float) (y[t] - fit.residuals()[t]);
        }
        return new ArimaModel(fit.order(), fit.xregNames(), xc, sigma2, fit.phi(), fit.theta(), fit.delta(), fit.state(),
                fit.state() == null ? fit.stateCov() : symmetric(fit.stateCov(), fit.state().length), fitted, aicc, fourierPeriods, fourierK);
    }

    /**
     * The k×k matrix {@code c} with its lower triangle replaced by the upper one (the filter's
     * covariance is symmetric up to rounding; format 3 stores the upper triangle only).
     */
    static double[] symmetric(double[] c, int k) {
        double[] out = c.clone();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                out[j * k + i] = out[i * k + j];
            }
        }
        return out;
    }

    static ArimaModel of(ArimaFit fit, double sigma2, int n) {
        return of(fit, sigma2, new double[n], Double.NaN);
    }

    @Override
    public String method() {
        return "arima";
    }

    @Override
    public String description() {
        String base = order.label();
        boolean drift = false;
        boolean mean = false;
        int user = 0;
        for (String nm : xregNames) {
            if (nm.equals("drift")) {
                drift = true;
            } else if (nm.equals("intercept")) {
                mean = true;
            } else {
                user++;
            }
        }
        if (user > 0) {
            return "Regression with " + base + " errors";
        }
        if (drift) {
            return base + " with drift";
        }
        if (mean) {
            return base + " with non-zero mean";
        }
        if (order.d() + order.bigD() == 0) {
            return base + " with zero mean";
        }
        return base;
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        ArimaStateSpace ss = new ArimaStateSpace(phi, theta, delta);
        System.arraycopy(state, 0, ss.a, 0, state.length);
        System.arraycopy(stateCov, 0, ss.pmat, 0, stateCov.length);
        double[][] mv = ss.forecast(h);
        double[] mean = mv[0];
        double[] sd = new double[h];
        int n = fitted.length;
        int user = 0;
        java.util.List<String> fourierNames = java.util.List.of(FourierTerms.names(fourierPeriods, fourierK));
        double[][] fourierFuture = FourierTerms.columns(fourierPeriods, fourierK, n, h);
        for (int j = 0; j < xregNames.length; j++) {
            double b = xregCoef[j];
            String nm = xregNames[j];
            int fj = fourierNames.indexOf(nm);
            if (fj >= 0) {
                for (int t = 0; t < h; t++) {
                    mean[t] += b * fourierFuture[fj][t];
                }
                continue;
            }
            for (int t = 0; t < h; t++) {
                double x;
                if (nm.equals("intercept")) {
                    x = 1;
                } else if (nm.equals("drift")) {
                    x = n + 1 + t;
                } else {
                    if (futureXreg.length <= user || futureXreg[user].length < h) {
                        throw new IllegalArgumentException("future values of regressor '" + nm + "' are needed for " + h + " periods");
                    }
                    x = futureXreg[user][t];
                }
                mean[t] += b * x;
            }
            if (!nm.equals("intercept") && !nm.equals("drift")) {
                user++;
            }
        }
        for (int t = 0; t < h; t++) {
            sd[t] = Math.sqrt(Math.max(0, mv[1][t] * sigma2));
        }
        return Forecast.normal(mean, sd, levels);
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(order.p());
        out.writeInt(order.d());
        out.writeInt(order.q());
        out.writeInt(order.bigP());
        out.writeInt(order.bigD());
        out.writeInt(order.bigQ());
        out.writeInt(order.s());
        out.writeInt(xregNames.length);
        for (int j = 0; j < xregNames.length; j++) {
            out.writeUTF(xregNames[j]);
            out.writeDouble(xregCoef[j]);
        }
        out.writeDouble(sigma2);
        out.writeDouble(aicc);
        StateIO.writeDoubles(out, phi);
        StateIO.writeDoubles(out, theta);
        StateIO.writeDoubles(out, delta);
        StateIO.writeDoubles(out, state);
        // format 3: the covariance's upper triangle, row by row; fitted values as floats
        int rd = state.length;
        double[] upper = new double[rd * (rd + 1) / 2];
        for (int i = 0, u = 0; i < rd; i++) {
            for (int j = i; j < rd; j++) {
                upper[u++] = stateCov[i * rd + j];
            }
        }
        StateIO.writeDoubles(out, upper);
        out.writeInt(fitted.length);
        for (double v : fitted) {
            out.writeFloat((float) v);
        }
        StateIO.writeDoubles(out, fourierPeriods);
        out.writeInt(fourierK.length);
        for (int k : fourierK) {
            out.writeInt(k);
        }
    }

    /**
     * Reads state format 1 (no Fourier terms), 2 (full covariance, fitted values as doubles) or 3
     * (the covariance's upper triangle, fitted values as floats: about half the bytes).
     */
    static ArimaModel read(DataInput in, int formatVersion) throws IOException {
        ArimaOrder o = new ArimaOrder(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int k = in.readInt();
        String[] names = new String[k];
        double[] coef = new double[k];
        for (int j = 0; j < k; j++) {
            names[j] = in.readUTF();
            coef[j] = in.readDouble();
        }
        double sigma2 = in.readDouble();
        double aicc = in.readDouble();
        double[] phi = StateIO.readDoubles(in, "ARIMA phi");
        double[] theta = StateIO.readDoubles(in, "ARIMA theta");
        double[] delta = StateIO.readDoubles(in, "ARIMA delta");
        double[] state = StateIO.readDoubles(in, "ARIMA state");
        double[] stateCov;
        double[] fitted;
        if (formatVersion >= 3) {
            int rd = state.length;
            double[] upper = StateIO.readDoubles(in, "ARIMA state covariance");
            if (upper.length != rd * (rd + 1) / 2) {
                throw new IOException("ARIMA state covariance: " + upper.length + " values for a state of " + rd);
            }
            stateCov = new double[rd * rd];
            for (int i = 0, u = 0; i < rd; i++) {
                for (int j = i; j < rd; j++) {
                    stateCov[i * rd + j] = upper[u];
                    stateCov[j * rd + i] = upper[u++];
                }
            }
            int n = in.readInt();
            if (n < 0 || n > 100_000_000) {
                throw new IOException("ARIMA fitted: bad length " + n);
            }
            fitted = new double[n];
            for (int t = 0; t < n; t++) {
                fitted[t] = in.readFloat();
            }
        } else {
            stateCov = StateIO.readDoubles(in, "ARIMA state covariance");
            fitted = StateIO.readDoubles(in, "ARIMA fitted");
        }
        double[] periods = new double[0];
        int[] ks = new int[0];
        if (formatVersion >= 2) {
            periods = StateIO.readDoubles(in, "ARIMA Fourier periods");
            int nk = in.readInt();
            if (nk != periods.length) {
                throw new IOException("ARIMA Fourier harmonics: " + nk + " for " + periods.length + " periods");
            }
            ks = new int[nk];
            for (int i = 0; i < nk; i++) {
                ks[i] = in.readInt();
            }
        }
        return new ArimaModel(o, names, coef, sigma2, phi, theta, delta, state, stateCov, fitted, aicc, periods, ks);
    }
}
