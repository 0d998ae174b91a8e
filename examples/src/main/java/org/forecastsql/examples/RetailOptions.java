package org.forecastsql.examples;

import java.time.LocalDate;

/**
 * Size and calendar of a generated retail data set.
 *
 * <p>The generator simulates {@code historyDays + holdoutDays} consecutive days ending on
 * {@code endDate}. The first {@code historyDays} go into {@code sales} (what a model trains on),
 * the last {@code holdoutDays} into {@code sales_holdout} (the "future" that arrives later, for
 * {@code EVALUATE(actuals => ...)}), and their prices and promotions also into {@code promo_plan}
 * (covariates known in advance for the forecast horizon).
 *
 * <p>The defaults (3 stores, 40 SKUs, sales from 2023-01-01 to 2026-01-31, a 28-day holdout
 * 2026-02-01..2026-02-28) put the Spring Festival 2026 (2026-02-17) with the stocking-up surge
 * before it and the holiday-week dip inside the holdout, while the history holds the festivals of
 * 2023, 2024 and 2025.
 *
 * @param stores      number of stores ({@code S01}, {@code S02}, ...), at least 1
 * @param skus        number of SKUs per store ({@code SKU001}, ...), at least 1
 * @param historyDays days of history in {@code sales}, at least 28
 * @param holdoutDays days in {@code sales_holdout} and {@code promo_plan}, at least 1
 * @param endDate     the last day of the holdout
 * @param seed        random seed: the same options give the same data, row for row
 */
public record RetailOptions(int stores, int skus, int historyDays, int holdoutDays,
                            LocalDate endDate, long seed) {

    /** Default last day of the holdout: the holdout then contains the Spring Festival 2026. */
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 2, 28);

    /** Validates the sizes. */
    public RetailOptions {
        if (stores < 1 || stores > 99) {
            throw new IllegalArgumentException("stores must be in 1..99, got " + stores);
        }
        if (skus < 1 || skus > 9999) {
            throw new IllegalArgumentException("skus must be in 1..9999, got " + skus);
        }
        if (historyDays < 28) {
            throw new IllegalArgumentException("historyDays must be at least 28, got " + historyDays);
        }
        if (holdoutDays < 1 || holdoutDays > 366) {
            throw new IllegalArgumentException("holdoutDays must be in 1..366, got " + holdoutDays);
        }
        if (endDate == null) {
            throw new IllegalArgumentException("endDate is required");
        }
    }

    /** 3 stores x 40 SKUs, 2023-01-01..2026-01-31 history, 28-day holdout to 2026-02-28, seed 42. */
    public static RetailOptions defaults() {
        return new RetailOptions(3, 40, 1127, 28, DEFAULT_END_DATE, 42L);
    }

    /** These options with another store and SKU count. */
    public RetailOptions withSize(int stores, int skus) {
        return new RetailOptions(stores, skus, historyDays, holdoutDays, endDate, seed);
    }

    /** These options with another number of history days (the end date stays). */
    public RetailOptions withHistoryDays(int days) {
        return new RetailOptions(stores, skus, days, holdoutDays, endDate, seed);
    }

    /** These options with another seed. */
    public RetailOptions withSeed(long newSeed) {
        return new RetailOptions(stores, skus, historyDays, holdoutDays, endDate, newSeed);
    }

    /** The first simulated (history) day. */
    public LocalDate firstDay() {
        return endDate.minusDays(historyDays + holdoutDays - 1L);
    }

    /** The last day in {@code sales}. */
    public LocalDate lastHistoryDay() {
        return endDate.minusDays(holdoutDays);
    }

    /** The first day of the holdout: the first forecast day of a model trained on {@code sales}. */
    public LocalDate firstHoldoutDay() {
        return endDate.minusDays(holdoutDays - 1L);
    }

    /** Number of simulated days, history and holdout together. */
    public int totalDays() {
        return historyDays + holdoutDays;
    }

    /** Number of series (store x SKU). */
    public int seriesCount() {
        return stores * skus;
    }
}
