package org.forecastsql.sql;

import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.schema.ScannableTable;

/**
 * The SQL table functions (DESIGN §2), as Calcite sees them. Calcite calls each method once while
 * validating (with {@code null} for arguments that are not literals) to learn the output columns,
 * and again when executing; each returns a table that does its work when scanned.
 */
public final class TableFunctions {
    private TableFunctions() {
    }

    public static ScannableTable trainModel(@Parameter(name = "MODEL") String model,
                                            @Parameter(name = "INPUT") String input,
                                            @Parameter(name = "OPTIONS", optional = true) String options) {
        if (input == null) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT, "TRAIN_MODEL's INPUT must be a literal: a table name, a query "
                    + "string or CURSOR(SELECT ...) (its columns decide the output columns)");
        }
        return new TrainModelTable(ForecastSession.current(), model, input, options);
    }

    public static ScannableTable forecast(@Parameter(name = "MODEL") String model,
                                          @Parameter(name = "HORIZON", optional = true) Integer horizon,
                                          @Parameter(name = "FUTURE", optional = true) String future,
                                          @Parameter(name = "VERSION", optional = true) Integer version) {
        return new ForecastTable(ForecastSession.current(), model, horizon, future, version);
    }

    public static ScannableTable evaluate(@Parameter(name = "MODEL") String model,
                                          @Parameter(name = "ACTUALS", optional = true) String actuals,
                                          @Parameter(name = "VERSION", optional = true) Integer version) {
        return new EvaluateTable(ForecastSession.current(), model, actuals, version);
    }

    public static ScannableTable featureImportance(@Parameter(name = "MODEL") String model,
                                                   @Parameter(name = "VERSION", optional = true) Integer version) {
        return new FeatureImportanceTable(ForecastSession.current(), model, version);
    }

    public static ScannableTable dropModel(@Parameter(name = "MODEL") String model) {
        return new DropModelTable(ForecastSession.current(), model);
    }
}
