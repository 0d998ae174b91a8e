package org.forecastsql.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a model: catalogue metadata plus the opaque {@code layout} bytes written by
 * sql-functions (column names and types, frequency, ...). The per-series states are read separately
 * ({@link ModelCatalog#series}).
 *
 * @param name             the model's name as written when this version was saved
 * @param version          1, 2, ... per name
 * @param created          when the save began
 * @param options          the training options text
 * @param inputFingerprint a digest of the training input, as the caller computed it
 * @param seriesCount      how many {@link SeriesRecord}s this version holds
 * @param methods          the methods used, as the caller wrote them
 * @param layout           opaque bytes (may be {@code null})
 */
public record ModelVersion(String name, int version, Instant created, String options, String inputFingerprint,
        int seriesCount, String methods, byte[] layout) {

    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }
}
