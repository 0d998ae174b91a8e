package org.forecastsql.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the retail demo end to end through the real {@code jdbc:forecast:} driver against an H2 file
 * in a temporary directory, on a small configuration (2 stores x 5 SKUs x 2 years), and checks that
 * every section of the report has rows.
 */
class RetailDemoSmokeTest {

    @TempDir
    Path dir;

    @Test
    void demoPrintsEverySectionWithRows() throws SQLException {
        RetailOptions small = RetailOptions.defaults().withSize(2, 5).withHistoryDays(730);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RetailDemo.Report report;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            report = RetailDemo.run("jdbc:forecast:file:" + dir.resolve("shop"), small, out);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(10, report.series(), text);
        assertEquals(10 * 28, report.forecastRows(), text);
        assertTrue(report.reorderRows() >= 0 && report.reorderRows() <= 10, text);
        assertTrue(Double.isFinite(report.holdoutMase()) && report.holdoutMase() > 0, text);
        assertTrue(Double.isFinite(report.benchmarkMase()) && report.benchmarkMase() > 0, text);
        for (String section : new String[] {"1. Data", "2. TRAIN_MODEL", "3. FORECAST", "4. Accuracy",
            "5. Reorder report", "6. Model catalogue", "Done in"}) {
            assertTrue(text.contains(section), "missing section " + section + " in:\n" + text);
        }
        assertTrue(text.contains("2026-02-17"), "the daily table covers the Spring Festival:\n" + text);
        assertTrue(text.contains("demand_snaive") && text.contains("holdout") && text.contains("backtest"), text);
    }
}
