package org.forecastsql.storage;

import java.util.Arrays;

/**
 * Row indices of a {@link ScannedColumns} grouped by series and sorted by time within each series:
 * the rows of series {@code s} are {@code order[offsets[s]]} up to (excluding) {@code order[offsets[s + 1]]}.
 * {@code offsets} has {@code seriesCount + 1} entries. Arrays are owned by the record: read-only.
 */
public record SeriesOrder(int[] order, int[] offsets) {

    /** Rows in this series. */
    public int length(int series) {
        return offsets[series + 1] - offsets[series];
    }

    static SeriesOrder of(int[] seriesId, int seriesCount, long[] time) {
        int rows = seriesId.length;
        int[] offsets = new int[seriesCount + 1];
        for (int id : seriesId) {
            offsets[id + 1]++;
        }
        for (int s = 0; s < seriesCount; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] next = Arrays.copyOf(offsets, seriesCount);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[next[seriesId[i]]++] = i;
        }
        for (int s = 0; s < seriesCount; s++) {
            sortByTime(order, offsets[s], offsets[s + 1], time);
        }
        return new SeriesOrder(order, offsets);
    }

    /** Stable sort of order[from, to) by time; input is usually already sorted, so check that first. */
    private static void sortByTime(int[] order, int from, int to, long[] time) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = time[order[i - 1]] <= time[order[i]];
        }
        if (sorted) {
            return;
        }
        // A merge sort of the int slice keyed by time: no boxing, and stable (ties keep input order).
        int[] buffer = new int[to - from];
        mergeSort(order, buffer, from, to, from, time);
    }

    private static void mergeSort(int[] a, int[] buf, int from, int to, int base, long[] time) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid, base, time);
        mergeSort(a, buf, mid, to, base, time);
        if (time[a[mid - 1]] <= time[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, buf, from - base, to - from);
        int i = from - base;
        int iEnd = mid - base;
        int j = iEnd;
        int jEnd = to - base;
        int k = from;
        while (i < iEnd && j < jEnd) {
            a[k++] = time[buf[j]] < time[buf[i]] ? buf[j++] : buf[i++];
        }
        while (i < iEnd) {
            a[k++] = buf[i++];
        }
        while (j < jEnd) {
            a[k++] = buf[j++];
        }
    }
}
