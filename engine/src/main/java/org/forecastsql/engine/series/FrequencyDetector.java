package org.forecastsql.engine.series;

import java.util.Arrays;

/**
 * Infers the frequency of a batch of series from the gaps between consecutive times.
 *
 * <p>Each gap between two consecutive distinct times of one series is classified:
 * <ul>
 *   <li>integer periods: the difference {@code d} (→ step {@code d});</li>
 *   <li>dates (and timestamps at the same time of day): calendar months when the two dates are
 *       on the same day of month, or both on month ends, or the later one is clipped to its
 *       month's end (Jan 31 → Feb 28); otherwise {@code d} days, except that a gap within 3 days of
 *       {@code k} average months (30.44·k) between dates {@code k} calendar months apart counts as
 *       {@code k} months (monthly data stamped on varying days: 29..33 days → a month, 89..94 → a
 *       quarter, 363..368 → a year); exactly 28 days stays 4 weeks;</li>
 *   <li>timestamps at different times of day: the difference in milliseconds.</li>
 * </ul>
 * The most common class wins (ties: the shorter). A gap that a smaller, frequent class divides
 * exactly is a multiple of it: when a divisor of the winner occurs at least 20% as often, the
 * smallest such divisor wins (daily data with many two-day holes stays daily). Weekly data whose
 * weekday drifts (gaps of 6, 7 and 8 days) stays weekly, as 7 is the most common gap.
 *
 * <p>The winner maps to: 1 h → H (k h → kH, likewise minutes and seconds), 1 day → D, 7·k days →
 * W (kW), 1 month → M, 3 → Q, 12 → Y, other months → kM, integer {@code d} → step {@code d}.
 * Other day gaps (2..6 days, …) and sub-second gaps are not guessed: {@link #result()} throws an
 * {@link IllegalArgumentException} that asks for {@code freq=}.
 *
 * <p>Feed series one by one ({@link #addSorted}, {@link #addSeries}), or use the static helpers.
 * Not thread-safe; cost is O(rows) with no per-row objects.
 */
public final class FrequencyDetector {
    /** Batches with more rows than this are sampled (every k-th series), keeping inference cheap. */
    static final int SAMPLE_ROWS = 2_000_000;
    /** A divisor of the most common gap this frequent (relative to it) takes over. */
    static final double DIVISOR_SHARE = 0.2;
    /** Days in the average Gregorian month (146 097 / 4 800). */
    static final double AVERAGE_MONTH_DAYS = 30.436875;

    private final TimeEncoding enc;
    private final LongCounter gaps = new LongCounter();
    private long[] scratch = new long[0];

    /** A detector for times in the given encoding. */
    public FrequencyDetector(TimeEncoding enc) {
        this.enc = enc;
    }

    /** Infers the frequency of one sequence of sorted (ascending) times; equal neighbours are skipped. */
    public static Frequency infer(long[] sortedDistinctTimes, TimeEncoding enc) {
        FrequencyDetector d = new FrequencyDetector(enc);
        d.addSorted(sortedDistinctTimes, 0, sortedDistinctTimes.length);
        return d.result();
    }

    /**
     * Infers the frequency of a batch: series {@code i} owns rows {@code rowIndex[offsets[i]..offsets[i+1])}
     * (any order; {@code rowIndex == null} means the rows themselves). Large batches are sampled:
     * every k-th series, so that about {@link #SAMPLE_ROWS} rows are read.
     */
    public static Frequency infer(long[] time, int[] rowIndex, int[] offsets, TimeEncoding enc) {
        return infer(time, rowIndex, offsets, enc, SAMPLE_ROWS);
    }

    static Frequency infer(long[] time, int[] rowIndex, int[] offsets, TimeEncoding enc, int sampleRows) {
        FrequencyDetector d = new FrequencyDetector(enc);
        int series = offsets.length - 1;
        long rows = series < 1 ? 0 : (long) offsets[series] - offsets[0];
        int stride = (int) Math.max(1, (rows + sampleRows - 1) / sampleRows);
        for (int s = 0; s < series; s += stride) {
            d.addSeries(time, rowIndex, offsets[s], offsets[s + 1]);
        }
        return d.result();
    }

    /** Adds one series whose times {@code sorted[from..to)} are ascending (duplicates allowed). */
    public void addSorted(long[] sorted, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long a = sorted[i - 1];
            long b = sorted[i];
            if (b < a) {
                throw new IllegalArgumentException("times are not sorted at position " + i);
            }
            if (b > a) {
                gaps.add(classify(a, b));
            }
        }
    }

    /**
     * Adds one series given by its rows {@code rowIndex[from..to)} of {@code time}, in any order
     * (null rowIndex: rows {@code from..to}).
     */
    public void addSeries(long[] time, int[] rowIndex, int from, int to) {
        int n = to - from;
        if (scratch.length < n) {
            scratch = new long[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = time[rowIndex == null ? from + i : rowIndex[from + i]];
        }
        Arrays.sort(scratch, 0, n);
        addSorted(scratch, 0, n);
    }

    /**
     * The inferred frequency.
     *
     * @throws IllegalArgumentException when there is no gap at all (one distinct time) or the most
     *                                  common gap maps to no frequency; the message asks for {@code freq=}
     */
    public Frequency result() {
        if (gaps.size() == 0) {
            throw new IllegalArgumentException("cannot infer the frequency: no series has two distinct times; set freq= to "
                    + Frequency.EXPLICIT);
        }
        long best = 0;
        int bestCount = -1;
        long total = 0;
        for (int i = 0; i < gaps.capacity(); i++) {
            if (gaps.used(i)) {
                long key = gaps.key(i);
                int c = gaps.count(i);
                total += c;
                if (c > bestCount || (c == bestCount && approxMillis(key) < approxMillis(best))) {
                    best = key;
                    bestCount = c;
                }
            }
        }
        long winner = best;
        for (int i = 0; i < gaps.capacity(); i++) {
            if (gaps.used(i)) {
                long key = gaps.key(i);
                boolean sameKind = (key < 0) == (best < 0);
                if (sameKind && Math.abs(key) < Math.abs(winner) && Math.abs(best) % Math.abs(key) == 0
                        && gaps.count(i) >= DIVISOR_SHARE * bestCount) {
                    winner = key;
                }
            }
        }
        Frequency f = toFrequency(winner);
        if (f == null) {
            throw new IllegalArgumentException("cannot infer the frequency: the most common gap between consecutive times is "
                    + describe(winner) + " (" + gaps.get(winner) + " of " + total
                    + " gaps), which is no standard frequency; set freq= to " + Frequency.EXPLICIT);
        }
        return f;
    }

    // Keys: positive = a fixed gap in the encoding's units (days for DATE, ms for TIMESTAMP,
    // periods for integers); negative = -(calendar months).
    private long classify(long a, long b) {
        switch (enc) {
            case INTEGER:
                return b - a;
            case EPOCH_DAY:
                return classifyDays(a, b, 1);
            default:
                if (Math.floorMod(a, TimeAxis.DAY_MILLIS) == Math.floorMod(b, TimeAxis.DAY_MILLIS)) {
                    return classifyDays(Math.floorDiv(a, TimeAxis.DAY_MILLIS), Math.floorDiv(b, TimeAxis.DAY_MILLIS),
                            TimeAxis.DAY_MILLIS);
                }
                return b - a;
        }
    }

    private static long classifyDays(long a, long b, long unit) {
        long d = b - a;
        if (d >= 28) {
            long pa = TimeAxis.civil(a);
            long pb = TimeAxis.civil(b);
            int da = TimeAxis.dayOf(pa);
            int db = TimeAxis.dayOf(pb);
            long ma = TimeAxis.monthIndexOf(pa);
            long mb = TimeAxis.monthIndexOf(pb);
            boolean endA = da == TimeAxis.lengthOfMonth(ma);
            boolean endB = db == TimeAxis.lengthOfMonth(mb);
            if (da == db || (endB && db < da) || (endA && endB)) {
                return -(mb - ma);
            }
            long months = mb - ma;
            if (d != 28 && months > 0 && Math.abs(d - AVERAGE_MONTH_DAYS * months) <= 3) {
                return -months;
            }
        }
        return d * unit;
    }

    private long approxMillis(long key) {
        if (key < 0) {
            return -key * 2_629_746_000L;
        }
        return switch (enc) {
            case EPOCH_DAY -> key * TimeAxis.DAY_MILLIS;
            default -> key;
        };
    }

    private Frequency toFrequency(long key) {
        if (enc == TimeEncoding.INTEGER) {
            return Frequency.steps(key);
        }
        if (key < 0) {
            long months = -key;
            if (months % 12 == 0) {
                return new Frequency(Frequency.Unit.YEAR, months / 12);
            }
            return months == 3 ? Frequency.QUARTERLY : new Frequency(Frequency.Unit.MONTH, months);
        }
        long ms = enc == TimeEncoding.EPOCH_DAY ? key * TimeAxis.DAY_MILLIS : key;
        if (ms == TimeAxis.DAY_MILLIS) {
            return Frequency.DAILY;
        }
        if (ms % (7 * TimeAxis.DAY_MILLIS) == 0) {
            return new Frequency(Frequency.Unit.WEEK, ms / (7 * TimeAxis.DAY_MILLIS));
        }
        if (ms >= TimeAxis.DAY_MILLIS) {
            return null;
        }
        if (ms % 3_600_000L == 0) {
            return new Frequency(Frequency.Unit.HOUR, ms / 3_600_000L);
        }
        if (ms % 60_000L == 0) {
            return new Frequency(Frequency.Unit.MINUTE, ms / 60_000L);
        }
        if (ms % 1_000L == 0) {
            return new Frequency(Frequency.Unit.SECOND, ms / 1_000L);
        }
        return null;
    }

    private String describe(long key) {
        if (key < 0) {
            return -key + " months";
        }
        return switch (enc) {
            case INTEGER -> key + " periods";
            case EPOCH_DAY -> key + " days";
            case EPOCH_MILLIS -> key % TimeAxis.DAY_MILLIS == 0 ? key / TimeAxis.DAY_MILLIS + " days" : key + " ms";
        };
    }

    /** Open-addressing counter of long keys (no boxing: a batch has few distinct gaps but many rows). */
    static final class LongCounter {
        private long[] keys = new long[16];
        private int[] counts = new int[16];
        private boolean[] used = new boolean[16];
        private int size;

        void add(long key) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int i = slot(key);
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                size++;
            }
            counts[i]++;
        }

        int get(long key) {
            int i = slot(key);
            return used[i] ? counts[i] : 0;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static long mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            counts = new int[keys.length];
            used = new boolean[keys.length];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    int i = slot(oldKeys[j]);
                    used[i] = true;
                    keys[i] = oldKeys[j];
                    counts[i] = oldCounts[j];
                }
            }
        }

        int size() {
            return size;
        }

        int capacity() {
            return keys.length;
        }

        boolean used(int i) {
            return used[i];
        }

        long key(int i) {
            return keys[i];
        }

        int count(int i) {
            return counts[i];
        }
    }
}
