package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates and times read back exactly as stored, whatever the JVM's time zone. */
class TimeZoneTest extends DriverTestSupport {
    private TimeZone saved;

    @BeforeEach
    @Override
    void open() {
        saved = TimeZone.getDefault();
    }

    @AfterEach
    @Override
    void close() throws java.sql.SQLException {
        if (conn != null) {
            conn.close();
        }
        TimeZone.setDefault(saved);
        org.h2.util.DateTimeUtils.resetCalendar();
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Asia/Shanghai", "UTC"})
    void forecastTimesContinueTheHistoryInEveryZone(String zone) throws Exception {
        // as if the JVM had started in that zone (H2 caches the zone it first saw)
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        org.h2.util.DateTimeUtils.resetCalendar();
        conn = java.sql.DriverManager.getConnection(url());
        exec("CREATE TABLE d(day DATE, y INT)",
                "INSERT INTO d SELECT DATEADD(DAY, x, DATE '2024-01-01'), x FROM SYSTEM_RANGE(0, 59) t(x)",
                "CREATE TABLE h(ts TIMESTAMP, y INT)",
                "INSERT INTO h SELECT DATEADD(HOUR, x, TIMESTAMP '2024-03-09 00:00:00'), x FROM SYSTEM_RANGE(0, 59) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('daily', 'd', 'methods=naive'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('hourly', 'h', 'methods=naive'))");
        // 60 days from 2024-01-01 end on 2024-02-29 (leap day); 60 hours from 2024-03-09 00:00 end at 2024-03-11 11:00
        Map<String, Object> day = query("SELECT * FROM TABLE(FORECAST('daily', 1))").get(0);
        assertEquals(Date.valueOf("2024-03-01"), day.get("DAY"));
        Map<String, Object> hour = query("SELECT * FROM TABLE(FORECAST('hourly', 1))").get(0);
        assertEquals(Timestamp.valueOf("2024-03-11 12:00:00"), hour.get("TS"));
        exec("CREATE TABLE snap(day DATE, forecast DOUBLE)",
                "INSERT INTO snap SELECT day, forecast FROM TABLE(FORECAST('daily', 2))");
        List<Map<String, Object>> stored = query("SELECT CAST(day AS VARCHAR) AS d FROM snap ORDER BY day");
        assertEquals(List.of("2024-03-01", "2024-03-02"), stored.stream().map(r -> r.get("D")).toList());
    }
}
