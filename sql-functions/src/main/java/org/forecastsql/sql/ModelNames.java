package org.forecastsql.sql;

import java.util.regex.Pattern;

/** Model names: a literal of letters, digits and underscores, compared case-insensitively. */
final class ModelNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private ModelNames() {
    }

    static String check(String name) {
        if (name == null) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT,
                    "MODEL must be a string literal (the output columns depend on the model), not a parameter or NULL");
        }
        if (!VALID.matcher(name).matches()) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT, "bad model name '" + name
                    + "'; accepted: a letter or '_' followed by up to 127 letters, digits or '_'");
        }
        return name;
    }
}
