package org.forecastsql.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.forecastsql.engine.series.Frequency.Unit;
import org.junit.jupiter.api.Test;

class FrequencyTest {

    @Test
    void parsesLettersAndWordsCaseInsensitively() {
        assertEquals(Frequency.HOURLY, Frequency.parse("H", TimeEncoding.EPOCH_MILLIS));
        assertEquals(Frequency.HOURLY, Frequency.parse("hourly", TimeEncoding.EPOCH_MILLIS));
        assertEquals(Frequency.DAILY, Frequency.parse("d", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.DAILY, Frequency.parse(" Daily ", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.WEEKLY, Frequency.parse("W", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.WEEKLY, Frequency.parse("weekly", TimeEncoding.EPOCH_MILLIS));
        assertEquals(Frequency.MONTHLY, Frequency.parse("m", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.MONTHLY, Frequency.parse("MONTHLY", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.QUARTERLY, Frequency.parse("q", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.QUARTERLY, Frequency.parse("quarterly", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.YEARLY, Frequency.parse("Y", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.YEARLY, Frequency.parse("yearly", TimeEncoding.EPOCH_DAY));
    }

    @Test
    void parsesMultiplesAndIntegerSteps() {
        assertEquals(new Frequency(Unit.WEEK, 2), Frequency.parse("2W", TimeEncoding.EPOCH_DAY));
        assertEquals(new Frequency(Unit.MINUTE, 15), Frequency.parse("15min", TimeEncoding.EPOCH_MILLIS));
        assertEquals(new Frequency(Unit.SECOND, 30), Frequency.parse("30S", TimeEncoding.EPOCH_MILLIS));
        assertEquals(new Frequency(Unit.MONTH, 6), Frequency.parse("6M", TimeEncoding.EPOCH_DAY));
        assertEquals(Frequency.steps(1), Frequency.parse("1", TimeEncoding.INTEGER));
        assertEquals(Frequency.steps(3), Frequency.parse("3", TimeEncoding.INTEGER));
        // On a DATE column a bare number counts days.
        assertEquals(new Frequency(Unit.DAY, 3), Frequency.parse("3", TimeEncoding.EPOCH_DAY));
    }

    @Test
    void labelsRoundTrip() {
        assertEquals("D", Frequency.DAILY.label());
        assertEquals("M", Frequency.MONTHLY.label());
        assertEquals("3", Frequency.steps(3).label());
        assertEquals("2W", new Frequency(Unit.WEEK, 2).label());
        assertEquals("15MIN", new Frequency(Unit.MINUTE, 15).label());
        for (String s : new String[] {"H", "D", "W", "M", "Q", "Y", "2W", "15MIN", "30S", "6M", "2H"}) {
            assertEquals(s, Frequency.parse(s, TimeEncoding.EPOCH_MILLIS).label());
        }
        assertEquals("7", Frequency.parse(Frequency.steps(7).label(), TimeEncoding.INTEGER).label());
    }

    @Test
    void badValueNamesItAndListsWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Frequency.parse("fortnightly", TimeEncoding.EPOCH_DAY));
        assertTrue(e.getMessage().contains("'fortnightly'"), e.getMessage());
        for (String accepted : new String[] {"H", "D", "W", "M", "Q", "Y", "integer step", "auto"}) {
            assertTrue(e.getMessage().contains(accepted), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("", TimeEncoding.EPOCH_DAY));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse(null, TimeEncoding.EPOCH_DAY));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("0", TimeEncoding.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("-2", TimeEncoding.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("2.5", TimeEncoding.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("99999999999999999999", TimeEncoding.INTEGER));
    }

    @Test
    void unitMustFitTheTimeColumn() {
        IllegalArgumentException hoursOnDate = assertThrows(IllegalArgumentException.class,
                () -> Frequency.parse("H", TimeEncoding.EPOCH_DAY));
        assertTrue(hoursOnDate.getMessage().contains("DATE"), hoursOnDate.getMessage());
        IllegalArgumentException monthsOnIntegers = assertThrows(IllegalArgumentException.class,
                () -> Frequency.parse("M", TimeEncoding.INTEGER));
        assertTrue(monthsOnIntegers.getMessage().contains("integer"), monthsOnIntegers.getMessage());
        IllegalArgumentException bareOnTimestamp = assertThrows(IllegalArgumentException.class,
                () -> Frequency.parse("3", TimeEncoding.EPOCH_MILLIS));
        assertTrue(bareOnTimestamp.getMessage().contains("3H"), bareOnTimestamp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Frequency(Unit.DAY, 0));
    }

    @Test
    void seasonCandidatesFollowTheUnit() {
        assertArrayEquals(new int[] {24, 168}, Frequency.HOURLY.seasonCandidates());
        assertArrayEquals(new int[] {7, 365}, Frequency.DAILY.seasonCandidates());
        assertArrayEquals(new int[] {52}, Frequency.WEEKLY.seasonCandidates());
        assertArrayEquals(new int[] {12}, Frequency.MONTHLY.seasonCandidates());
        assertArrayEquals(new int[] {4}, Frequency.QUARTERLY.seasonCandidates());
        assertArrayEquals(new int[0], Frequency.YEARLY.seasonCandidates());
        assertArrayEquals(new int[0], Frequency.steps(1).seasonCandidates());
        assertArrayEquals(new int[] {12, 84}, new Frequency(Unit.HOUR, 2).seasonCandidates());
        assertArrayEquals(new int[] {4}, new Frequency(Unit.MONTH, 3).seasonCandidates());
        assertArrayEquals(new int[] {4, 96}, new Frequency(Unit.MINUTE, 15).seasonCandidates());
        assertArrayEquals(new int[0], new Frequency(Unit.DAY, 2).seasonCandidates());
    }
}
