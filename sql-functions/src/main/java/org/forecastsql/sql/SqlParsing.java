package org.forecastsql.sql;

import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

/**
 * The one SQL parser configuration of the product: Calcite's Babel parser, so that words that are
 * reserved in standard SQL but common as column names ({@code day}, {@code month}, {@code value})
 * work unquoted, as they do in the DESIGN's examples. The Calcite connection uses the same parser.
 */
public final class SqlParsing {
    /** The parser factory, as a Calcite connection property value. */
    static final String FACTORY_PROPERTY = SqlBabelParserImpl.class.getName() + "#FACTORY";

    private SqlParsing() {
    }

    public static SqlParser parser(String sql) {
        return SqlParser.create(sql, SqlParser.config().withParserFactory(SqlBabelParserImpl.FACTORY));
    }
}
