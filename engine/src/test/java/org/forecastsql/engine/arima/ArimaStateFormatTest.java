package org.forecastsql.engine.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.forecastsql.engine.RData;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

/** The arima state formats: 1 and 2 (written by earlier builds) stay readable; 3 is about half the size. */
class ArimaStateFormatTest {
    /**
     * {@code ModelCodec.encode} of {@code new ArimaFamily().fit(TrainingSeries.of(RData.WWWUSAGE, 1))}
     * by the build before format 3 (commit eb10999, format 2): ARIMA(1,1,1).
     */
    private static final String FORMAT_2 = "RlNNMQAFYXJpbWEAAAACAAAAAQAAAAEAAAABAAAAAAAAAAAAAAAAAAAAAQAAAABAI/2bQUPeS0CAFGq1D2VHAAAAAT/kz+GpTglZ"
            + "AAAAAT/g0a6XeYQrAAAAAT/wAAAAAAAAAAAAA8AAAAAAAAAbP8czKQyQHZ9Aa8AAAAAAAAAAAAm8sAAAAAAAALygAAAAAAAAPJk/"
            + "spEzE3a8oAAAAAAAAD3oR9wAAAAAPJNc7QEHq6c8mS5e5YrMyTyTXO0BB6uovJkuXuWKzMkAAABkQFX6XjXf9mhAVYrpbhdbjUBU"
            + "SOY+f8/DQFXc8BYh0JVAVO9pHqyag0BU3zN2ik7XQFWcUfCQsWFAU/kLcwnbmEBWPxI1s7E5QFZbuSEVFQxAVlsNpKFyVEBXSE4y"
            + "pWPqQFrSdLhDan5AWmGBcNeiIEBeJtlhyWwqQGE+Es5nhjNAYjrBzGq1SkBi6UCB8Ow2QGNDMoeKJvdAYmY7LL0YoEBiY+uAasP0"
            + "QGJJIK6f+GJAYvdIqIXe90Bg0FZbc9V4QF7hr2tULdNAYMjjW35xAEBiVeuLFFI7QGMLy1RabadAYtaZVUcigEBiKNwgGWBVQGHc"
            + "6DzuZ+NAYOcbsYXKJkBgLpKbBoCJQGA7iu2pLn5AYHMpbLPJ2kBflVU0FZ+YQF736lMdssdAX8eGin2ep0BhTv1oaUBcQGFvXMyn"
            + "2WhAYccuQ1VnvEBh5dmUU8d7QGPZJ7RIwHhAZJ7n7ta5u0BlqLWeNWhIQGVHZrhlI6BAZYG9tMg5kEBlk+WewJauQGV1itBckSRA"
            + "ZhDCPsCk+EBl2y9Dl8RYQGURozsG9Q1AZboBioWQfUBl7MZEstfyQGWod3prQbVAZHA2pZVM60BkZd5GXltWQGJL37P4qS5AYFMd"
            + "RovwJUBfA64zGFYnQFw46Q/ayW5AWmt4sXp9FUBYeoVWC27fQFm2LyoZvs1AV8G7/cSYykBZRaQYjtuJQFZMtcDNwVNAVLRQIrzU"
            + "/kBUgUjS50OuQFVCmeZHDzpAVn7IBdhdm0BWckAiyZ6SQFWaU4kLqJVAVJOnExr+w0BWJdjoEhruQFbKnjPzTPJAVw2q2XlkTEBW"
            + "ly2np8EsQFh3Pgo7NLFAWszizEcyhUBdVMIfvRdeQGBCwOIk8HZAYlYERFmYokBi07q72tHpQGLYDzLhsvVAZGn0AzQZB0Bld7cS"
            + "hYJaQGXQaFugivRAZjtxhFCtu0BmOzMuB7khQGdt2/+U8HhAaWKP+Y1F4EBqdGeZxZsiQGoWEPoETotAan+qDDoeX0BrerGhLRX6"
            + "QGx2HH0H+PRAbQIR11YRR0BrsF+ppOqrQGt09wj+JscAAAAAAAAAAA==";
    /** Its forecasts (h = 5) and 95% upper bounds, and fitted values at 0, 50, 99, printed by that build. */
    private static final double[] MEAN = {218.88049647310947, 218.1523980699719, 217.67886022759998, 217.37088250481975, 217.17058113660426};
    private static final double[] UPPER95 = {225.07699789556926, 232.99150483612988, 241.17915835708533, 249.0909740927204, 256.5342782928697};
    private static final double[] FITTED = {87.91200014945355, 174.8495195354651, 219.65515565527878};

    @Test
    void formatTwoStateWrittenByAnEarlierBuildIsRead() throws Exception {
        check(ModelCodec.decode(Base64.getDecoder().decode(FORMAT_2)));
    }

    @Test
    void formatOneStateIsRead() throws Exception {
        byte[] two = Base64.getDecoder().decode(FORMAT_2);
        // format 1 is format 2 without the Fourier section (two empty lists: 8 bytes at the end)
        byte[] one = java.util.Arrays.copyOf(two, two.length - 8);
        int versionAt = 4 + 2 + "arima".length();
        assertEquals(2, one[versionAt + 3]);
        one[versionAt + 3] = 1;
        check(ModelCodec.decode(one));
    }

    private static void check(FittedModel m) {
        assertEquals("ARIMA(1,1,1)", m.description());
        Forecast f = m.forecast(5, new double[] {95}, new double[0][]);
        assertArrayEquals(MEAN, f.mean(), 1e-9);
        assertArrayEquals(UPPER95, f.upper()[0], 1e-9);
        double[] fitted = m.fitted();
        assertEquals(100, fitted.length);
        assertArrayEquals(FITTED, new double[] {fitted[0], fitted[50], fitted[99]}, 0);
    }

    @Test
    void formatThreeIsSmallerAndForecastsAsTheFittedModel() throws Exception {
        FittedModel m = new ArimaFamily().fit(TrainingSeries.of(RData.USACC_DEATHS, 12));
        byte[] bytes = ModelCodec.encode(m);
        // ARIMA(0,1,1)(0,1,1)[12]: 26 states; format 2 took 6,927 bytes (full covariance, double fitted values)
        assertTrue(bytes.length < 4000, "format 3 state of " + bytes.length + " bytes");
        FittedModel back = ModelCodec.decode(bytes);
        Forecast a = m.forecast(24, new double[] {80, 95}, new double[0][]);
        Forecast b = back.forecast(24, new double[] {80, 95}, new double[0][]);
        assertArrayEquals(a.mean(), b.mean(), 0);
        assertArrayEquals(a.lower()[1], b.lower()[1], 0);
        assertArrayEquals(a.upper()[0], b.upper()[0], 0);
        assertArrayEquals(m.fitted(), back.fitted(), 0);
        // the fresh model's forecasts are those of the format-2 build to rounding (symmetrised covariance)
        assertEquals(m.description(), back.description());
    }

    @Test
    void symmetricCopiesTheUpperTriangle() {
        double[] c = {1, 2, 3, 2.0000000000000004, 5, 6, 3, 6.000000000000001, 9};
        assertArrayEquals(new double[] {1, 2, 3, 2, 5, 6, 3, 6, 9}, ArimaModel.symmetric(c, 3), 0);
    }
}
