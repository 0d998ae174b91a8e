package org.forecastsql.engine.train;

import org.forecastsql.engine.series.TimeEncoding;

/**
 * Rows as scanned from a query, columnar and in input order: the trainer groups, sorts and
 * regularises them.
 *
 * @param seriesCount    number of distinct series; {@code seriesId[i]} is in [0, seriesCount)
 * @param seriesId       the series of each row
 * @param time           each row's time in {@code encoding}
 * @param target         each row's target value, NaN for NULL
 * @param covariates     {@code covariates[j][i]}: covariate j of row i, NaN for NULL
 * @param covariateNames names of the covariate columns
 * @param encoding       how {@code time} encodes times
 */
public record RawBatch(int seriesCount, int[] seriesId, long[] time, double[] target, double[][] covariates,
                       String[] covariateNames, TimeEncoding encoding) {

    public int rows() {
        return time.length;
    }
}
