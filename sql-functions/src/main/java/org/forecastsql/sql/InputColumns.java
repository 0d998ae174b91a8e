package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.forecastsql.storage.ColumnInfo;

/**
 * The training input's roles resolved from its columns and the options: key columns, the time
 * column (the only DATE/TIMESTAMP column unless named), the target (the only remaining numeric
 * column unless named) and the covariates (all other numeric columns unless named): those known in
 * the future first, then the past-only ones ({@code past_covariates}).
 *
 * @param pastCount how many of the covariates, at the end of the list, are known only up to the origin
 */
record InputColumns(List<ColumnInfo> keys, ColumnInfo time, ColumnInfo target, List<ColumnInfo> covariates,
                    int pastCount) {

    static InputColumns resolve(List<ColumnInfo> columns, TrainOptions o) {
        List<ColumnInfo> keys = new ArrayList<>();
        for (String k : o.series()) {
            keys.add(find(columns, k, "series"));
        }
        ColumnInfo time = o.time() != null ? find(columns, o.time(), "time") : onlyTemporal(columns);
        if (!time.isTemporal() && !time.isInteger()) {
            throw new FunctionException(ErrorCode.BAD_TIME_COLUMN, "time column '" + time.name() + "' has type "
                    + time.typeName() + "; accepted: DATE, TIMESTAMP or an integer type (periods)");
        }
        List<ColumnInfo> taken = new ArrayList<>(keys);
        taken.add(time);
        ColumnInfo target;
        if (o.target() != null) {
            target = find(columns, o.target(), "target");
            requireNumeric(target, "target");
        } else {
            List<ColumnInfo> numeric = columns.stream().filter(c -> c.isNumeric() && !taken.contains(c)).toList();
            if (numeric.size() != 1) {
                throw new FunctionException(ErrorCode.AMBIGUOUS_TARGET, numeric.isEmpty()
                        ? "the input has no numeric column to forecast; columns: " + names(columns)
                        : "name the column to forecast with target=<column>; numeric columns: " + names(numeric));
            }
            target = numeric.get(0);
        }
        taken.add(target);
        List<ColumnInfo> past = new ArrayList<>();
        for (String c : o.pastCovariates()) {
            ColumnInfo ci = find(columns, c, "past_covariates");
            requireNumeric(ci, "past covariate");
            if (taken.contains(ci)) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option past_covariates: '" + ci.name()
                        + "' is already the series key, time or target column");
            }
            if (past.contains(ci)) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option past_covariates names '" + ci.name() + "' twice");
            }
            past.add(ci);
        }
        List<ColumnInfo> covariates = new ArrayList<>();
        if (o.covariates() != null) {
            for (String c : o.covariates()) {
                ColumnInfo ci = find(columns, c, "covariates");
                requireNumeric(ci, "covariate");
                if (past.contains(ci)) {
                    throw new FunctionException(ErrorCode.BAD_OPTION, "column '" + ci.name() + "' is in both covariates "
                            + "(known in the future) and past_covariates (known up to the forecast origin); name it once");
                }
                if (covariates.contains(ci)) {
                    throw new FunctionException(ErrorCode.BAD_OPTION, "option covariates names '" + ci.name() + "' twice");
                }
                covariates.add(ci);
            }
        } else {
            columns.stream().filter(c -> c.isNumeric() && !taken.contains(c) && !past.contains(c)).forEach(covariates::add);
        }
        covariates.addAll(past);
        return new InputColumns(keys, time, target, covariates, past.size());
    }

    private static ColumnInfo onlyTemporal(List<ColumnInfo> columns) {
        List<ColumnInfo> temporal = columns.stream().filter(ColumnInfo::isTemporal).toList();
        if (temporal.size() == 1) {
            return temporal.get(0);
        }
        throw new FunctionException(ErrorCode.NO_TIME_COLUMN, temporal.isEmpty()
                ? "no time column: the input has no DATE or TIMESTAMP column; name one (or an integer period column) "
                + "with time=<column>; columns: " + names(columns)
                : "several time columns (" + names(temporal) + "); name one with time=<column>");
    }

    static ColumnInfo find(List<ColumnInfo> columns, String name, String role) {
        Optional<ColumnInfo> c = columns.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst();
        return c.orElseThrow(() -> new FunctionException(ErrorCode.UNKNOWN_COLUMN, "unknown " + role + " column '" + name
                + "'; columns: " + names(columns)));
    }

    private static void requireNumeric(ColumnInfo c, String role) {
        if (!c.isNumeric()) {
            throw new FunctionException(ErrorCode.NON_NUMERIC_COLUMN, role + " column '" + c.name() + "' has type "
                    + c.typeName() + "; accepted: a numeric type (INTEGER, BIGINT, DECIMAL, DOUBLE, ...)");
        }
    }

    static String names(List<ColumnInfo> cols) {
        return String.join(", ", cols.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    List<String> covariateNames() {
        return covariates.stream().map(ColumnInfo::name).toList();
    }

    /** The past-only covariates' names (the last {@link #pastCount()} covariates). */
    List<String> pastCovariateNames() {
        return covariateNames().subList(covariates.size() - pastCount, covariates.size());
    }
}
