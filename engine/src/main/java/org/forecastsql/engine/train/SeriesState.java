package org.forecastsql.engine.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeAxis;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * Everything FORECAST and EVALUATE need of one trained series: the fitted model (null when the
 * series had no usable values) and where the series sits on the time axis.
 *
 * @param firstTime  the series' first period
 * @param anchorDay  the day of month calendar grids return to (31: month ends), see {@link TimeAxis.Anchor}
 * @param lastTime   the series' last period; forecasts start one period after it
 * @param maseScale  in-sample seasonal-naive MAE, the MASE scale for later evaluation
 * @param lowerBound forecasts are clipped below at this value; NaN for none
 */
public record SeriesState(FittedModel model, long firstTime, long lastTime, int anchorDay, int nObs, int season,
                          double maseScale, double lowerBound) {
    private static final int FORMAT = 1;

    /** The times of the next {@code h} periods. */
    public long[] futureTimes(int h, Frequency frequency, TimeEncoding encoding) {
        long[] t = new long[h];
        TimeAxis.Anchor anchor = new TimeAxis.Anchor(anchorDay);
        for (int k = 1; k <= h; k++) {
            t[k - 1] = TimeAxis.advance(lastTime, k, frequency, encoding, anchor);
        }
        return t;
    }

    /** Forecasts h periods, clipped at the lower bound; all NaN when there is no model. */
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        if (model == null) {
            double[] nan = new double[h];
            Arrays.fill(nan, Double.NaN);
            double[][] band = new double[levels.length][];
            Arrays.fill(band, nan);
            return new Forecast(nan, levels, band, band);
        }
        Forecast f = model.forecast(h, levels, futureXreg);
        return Double.isNaN(lowerBound) ? f : f.clippedBelow(lowerBound);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(firstTime);
            out.writeLong(lastTime);
            out.writeInt(anchorDay);
            out.writeInt(nObs);
            out.writeInt(season);
            out.writeDouble(maseScale);
            out.writeDouble(lowerBound);
            byte[] m = model == null ? new byte[0] : ModelCodec.encode(model);
            out.writeInt(m.length);
            out.write(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SeriesState decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("series state format " + format + " is not supported (expected " + FORMAT + ")");
        }
        long first = in.readLong();
        long last = in.readLong();
        int anchorDay = in.readInt();
        int n = in.readInt();
        int season = in.readInt();
        double scale = in.readDouble();
        double lb = in.readDouble();
        byte[] m = new byte[in.readInt()];
        in.readFully(m);
        FittedModel model = m.length == 0 ? null : ModelCodec.decode(m);
        return new SeriesState(model, first, last, anchorDay, n, season, scale, lb);
    }
}
