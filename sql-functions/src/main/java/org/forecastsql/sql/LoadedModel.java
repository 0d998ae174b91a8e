package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forecastsql.engine.model.GlobalSeriesModel;
import org.forecastsql.engine.model.SharedModels;
import org.forecastsql.storage.ModelCatalog;
import org.forecastsql.storage.ModelVersion;
import org.forecastsql.storage.SeriesRecord;

/** A stored model version read back: its header, layout and series. */
record LoadedModel(ModelVersion version, ModelLayout layout) {

    /** The given version of a model, or its latest when {@code version} is null. */
    static LoadedModel load(ForecastSession session, String name, Integer version) {
        ModelCatalog catalog = session.catalog();
        Optional<ModelVersion> v;
        try {
            v = version == null ? catalog.latest(name) : catalog.version(name, version);
        } catch (org.forecastsql.storage.StorageException e) {
            throw Errors.of(e);
        }
        if (v.isEmpty()) {
            List<String> names;
            try {
                names = catalog.names();
            } catch (org.forecastsql.storage.StorageException e) {
                throw Errors.of(e);
            }
            String known = names.isEmpty() ? "(none: train one with TRAIN_MODEL)" : String.join(", ", names).toLowerCase(java.util.Locale.ROOT);
            throw new FunctionException(ErrorCode.UNKNOWN_MODEL, version == null
                    ? "unknown model '" + name + "'; models: " + known
                    : "model '" + name + "' has no version " + version);
        }
        return new LoadedModel(v.get(), ModelLayout.decode(v.get().layout()));
    }

    List<StoredSeries> series(ForecastSession session) {
        List<StoredSeries> out = new ArrayList<>(version.seriesCount());
        try (GlobalSeriesModel.Binding shared = GlobalSeriesModel.bind(SharedModels.decode(shared(session)))) {
            for (SeriesRecord r : session.catalog().series(version.name(), version.version())) {
                out.add(StoredSeries.decode(r.state()));
            }
        } catch (org.forecastsql.storage.StorageException e) {
            throw Errors.of(e);
        } catch (java.io.IOException e) {
            throw new FunctionException(ErrorCode.CATALOG_FAILURE, "cannot read the shared model state: " + e.getMessage(), e);
        }
        return out;
    }

    /** The state shared by every series of the version (global models): inline in old layouts, else the catalogue's. */
    byte[] shared(ForecastSession session) {
        if (layout.shared().length > 0) {
            return layout.shared();
        }
        try {
            return session.catalog().shared(version.name(), version.version());
        } catch (org.forecastsql.storage.StorageException e) {
            throw Errors.of(e);
        }
    }
}
