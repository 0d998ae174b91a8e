package org.forecastsql.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue on a real H2 file: versions, reopening, drops, and what concurrent readers and savers see. */
class ModelCatalogTest {

    @TempDir
    Path dir;
    private String url;
    private ModelCatalog catalog;

    @BeforeEach
    void open() throws StorageException {
        url = "jdbc:h2:" + dir.resolve("catalog");
        catalog = ModelCatalog.open(url, "sa", "");
    }

    @AfterEach
    void close() throws StorageException {
        catalog.close();
    }

    static SeriesRecord record(int i, String tag) {
        return new SeriesRecord(i, "store=" + i, i % 2 == 0 ? "naive" : "snaive", 100 + i,
                i % 3 == 0 ? "fallback: too short" : "ok", i == 1 ? Double.NaN : 0.5 + i, 10.0 + i,
                (tag + ":" + i).getBytes(StandardCharsets.UTF_8));
    }

    static List<SeriesRecord> records(int n, String tag) {
        return IntStream.range(0, n).mapToObj(i -> record(i, tag)).collect(Collectors.toList());
    }

    static List<BacktestRecord> backtest() {
        return List.of(
                new BacktestRecord(0, "naive", 28, 1.5, 2.0, 12.5, 11.0, 0.9, 0.1, -0.2, 0.8, 0.95),
                new BacktestRecord(0, "snaive", 28, 1.25, Double.NaN, Double.NaN, 10.0, 0.8, 0.1, 0.3, 0.75, 1.0),
                new BacktestRecord(BacktestRecord.OVERALL, "ensemble", 56, 1.4, 1.9, 12.0, 10.5, 0.85, 0.1, 0.05,
                        Double.NaN, 0.97));
    }

    private int save(ModelCatalog c, String name, List<SeriesRecord> series) throws StorageException {
        return c.save(name, "horizon=28; season=7", "sha256:abc", "naive,snaive",
                "layout".getBytes(StandardCharsets.UTF_8), series.iterator(), backtest());
    }

    private static void assertSeriesEqual(List<SeriesRecord> expected, List<SeriesRecord> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            SeriesRecord e = expected.get(i);
            SeriesRecord a = actual.get(i);
            assertEquals(e.seriesIndex(), a.seriesIndex());
            assertEquals(e.keyText(), a.keyText());
            assertEquals(e.method(), a.method());
            assertEquals(e.nObs(), a.nObs());
            assertEquals(e.status(), a.status());
            assertEquals(e.mase(), a.mase());
            assertEquals(e.smape(), a.smape());
            assertArrayEquals(e.state(), a.state());
        }
    }

    @Test
    void saveThenReadEverythingBack() throws Exception {
        Instant before = Instant.now();
        List<SeriesRecord> series = records(5, "v1");
        assertEquals(1, save(catalog, "demand", series));
        ModelVersion v = catalog.latest("demand").orElseThrow();
        assertEquals("demand", v.name());
        assertEquals(1, v.version());
        assertEquals("horizon=28; season=7", v.options());
        assertEquals("sha256:abc", v.inputFingerprint());
        assertEquals("naive,snaive", v.methods());
        assertEquals(5, v.seriesCount());
        assertArrayEquals("layout".getBytes(StandardCharsets.UTF_8), v.layout());
        assertFalse(v.created().isBefore(before.minusSeconds(1)));
        assertSeriesEqual(series, catalog.series("demand", 1));
        List<BacktestRecord> bt = catalog.backtest("demand", 1);
        assertEquals(backtest(), bt); // records of doubles: NaN equals NaN, as Double.equals
        assertTrue(Double.isNaN(bt.get(1).rmse()));
        assertEquals(BacktestRecord.OVERALL, bt.get(2).seriesIndex());
    }

    @Test
    void seriesAreReturnedInIndexOrderAndStreamed() throws Exception {
        List<SeriesRecord> shuffled = new ArrayList<>(records(50, "x"));
        Collections.shuffle(shuffled, new java.util.Random(7));
        save(catalog, "m", shuffled);
        assertSeriesEqual(records(50, "x"), catalog.series("m", 1));
        List<Integer> seen = new ArrayList<>();
        catalog.forEachSeries("M", 1, r -> seen.add(r.seriesIndex()));
        assertEquals(IntStream.range(0, 50).boxed().collect(Collectors.toList()), seen);
    }

    @Test
    void retrainWritesVersionNPlusOneAndListsShowTheLatest() throws Exception {
        assertEquals(1, save(catalog, "demand", records(3, "v1")));
        assertEquals(2, save(catalog, "Demand", records(4, "v2")));
        assertEquals(1, save(catalog, "returns", records(2, "r1")));
        assertEquals(3, save(catalog, "DEMAND", records(5, "v3")));

        ModelVersion latest = catalog.latest("demand").orElseThrow();
        assertEquals(3, latest.version());
        assertEquals("DEMAND", latest.name());
        assertEquals(4, catalog.version("dEmAnD", 2).orElseThrow().seriesCount());
        assertSeriesEqual(records(4, "v2"), catalog.series("demand", 2));
        assertSeriesEqual(records(5, "v3"), catalog.series("demand", 3));

        assertEquals(List.of("DEMAND:3", "returns:1"), catalog.list().stream()
                .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
        assertEquals(List.of("demand:1", "Demand:2", "DEMAND:3", "returns:1"), catalog.listAll().stream()
                .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
        assertEquals(List.of("DEMAND", "returns"), catalog.names());
    }

    @Test
    void dropRemovesEveryVersionAndItsRows() throws Exception {
        save(catalog, "demand", records(3, "v1"));
        save(catalog, "demand", records(3, "v2"));
        save(catalog, "returns", records(2, "r1"));
        assertTrue(catalog.drop("DEMAND"));
        assertFalse(catalog.drop("demand"));
        assertEquals(Optional.empty(), catalog.latest("demand"));
        assertEquals(List.of("returns"), catalog.names());
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM FORECAST_CATALOG.MODEL_SERIES), "
                        + "(SELECT COUNT(*) FROM FORECAST_CATALOG.MODEL_BACKTEST)")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
            assertEquals(3, rs.getInt(2));
        }
        // A dropped name starts again at version 1.
        assertEquals(1, save(catalog, "demand", records(1, "new")));
    }

    @Test
    void sharedStateIsStoredApartAndGoesWithItsVersion() throws Exception {
        byte[] big = new byte[3_000_000];
        new java.util.Random(1).nextBytes(big);
        assertEquals(1, catalog.save("global", "", "", "regression", new byte[] {7}, big, records(2, "g").iterator(),
                List.of()));
        assertEquals(2, save(catalog, "global", records(2, "local")));
        assertArrayEquals(big, catalog.shared("global", 1));
        assertArrayEquals(new byte[0], catalog.shared("GLOBAL", 2));
        assertArrayEquals(new byte[0], catalog.shared("global", 9));
        // listing versions reads the small layout, never the shared state
        assertArrayEquals(new byte[] {7}, catalog.version("global", 1).orElseThrow().layout());
        assertTrue(catalog.drop("global"));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM FORECAST_CATALOG.MODEL_SHARED")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void unknownModelsAndVersionsNameWhatExists() throws Exception {
        save(catalog, "demand", records(1, "a"));
        save(catalog, "returns", records(1, "a"));
        save(catalog, "demand", records(1, "b"));
        StorageException e = assertThrows(StorageException.class, () -> catalog.require("demnd"));
        assertEquals(StorageException.Code.UNKNOWN_MODEL, e.code());
        assertEquals("unknown model 'demnd'; models: demand, returns", e.getMessage());
        StorageException v = assertThrows(StorageException.class, () -> catalog.series("demand", 7));
        assertEquals(StorageException.Code.UNKNOWN_MODEL, v.code());
        assertEquals("model 'demand' has no version 7; versions: 1, 2", v.getMessage());
        assertEquals(StorageException.Code.UNKNOWN_MODEL,
                assertThrows(StorageException.class, () -> catalog.backtest("nope", 1)).code());
        assertEquals(2, catalog.require("DEMAND").version());
    }

    @Test
    void reopeningTheDatabaseFindsEveryModel() throws Exception {
        save(catalog, "demand", records(3, "v1"));
        save(catalog, "demand", records(4, "v2"));
        save(catalog, "returns", records(2, "r1"));
        catalog.close();
        // Closing the last connection closes the H2 database; opening again reads the file.
        try (ModelCatalog reopened = ModelCatalog.open(url, "sa", "")) {
            assertEquals(List.of("demand:2", "returns:1"), reopened.list().stream()
                    .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
            assertSeriesEqual(records(3, "v1"), reopened.series("demand", 1));
            assertSeriesEqual(records(4, "v2"), reopened.series("demand", 2));
            assertEquals(backtest(), reopened.backtest("returns", 1));
        }
        catalog = ModelCatalog.open(url, "sa", "");
    }

    @Test
    void aFailingIteratorStoresNothing() throws Exception {
        save(catalog, "demand", records(2, "v1"));
        Iterator<SeriesRecord> failing = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SeriesRecord next() {
                if (i == 1500) {
                    throw new IllegalStateException("training failed");
                }
                return record(i++, "v2");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> catalog.save("demand", "", "", "", null, failing, List.of()));
        assertEquals("training failed", e.getMessage());
        assertEquals(1, catalog.latest("demand").orElseThrow().version());
        StorageException dup = assertThrows(StorageException.class, () -> save(catalog, "demand",
                List.of(record(0, "d"), record(0, "d"))));
        assertEquals(StorageException.Code.CATALOG_FAILURE, dup.code());
        assertEquals(List.of("demand:1"), catalog.listAll().stream()
                .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
        // The failed saves took no version number for good.
        assertEquals(2, save(catalog, "demand", records(1, "v2")));
    }

    @Test
    void nullsAndEmptyModelsRoundTrip() throws Exception {
        SeriesRecord bare = new SeriesRecord(0, null, null, 0, null, Double.NaN, Double.NaN, null);
        assertEquals(1, catalog.save("bare", null, null, null, null, List.of(bare).iterator(), List.of()));
        ModelVersion v = catalog.latest("bare").orElseThrow();
        assertEquals(null, v.options());
        assertEquals(null, v.layout());
        assertEquals(List.of(bare).toString(), catalog.series("bare", 1).toString());
        assertEquals(1, catalog.save("empty", "", "", "", new byte[0], Collections.emptyIterator(), List.of()));
        assertEquals(0, catalog.latest("empty").orElseThrow().seriesCount());
        assertEquals(0, catalog.latest("empty").orElseThrow().layout().length);
    }

    /** A user without admin rights cannot create the schema or CHECKPOINT, but can use a catalogue an admin made. */
    @Test
    void aNonAdminUserUsesAnExistingCatalogue() throws Exception {
        String other = "jdbc:h2:" + dir.resolve("users");
        try (Connection admin = DriverManager.getConnection(other, "sa", ""); Statement st = admin.createStatement()) {
            st.execute("CREATE USER ANALYST PASSWORD 'pw'");
            StorageException e = assertThrows(StorageException.class, () -> ModelCatalog.open(other, "analyst", "pw"));
            assertEquals(StorageException.Code.CATALOG_FAILURE, e.code());
            try (ModelCatalog byAdmin = ModelCatalog.open(other, "sa", "")) {
                assertEquals(List.of(), byAdmin.list());
            }
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA FORECAST_CATALOG TO ANALYST");
            try (ModelCatalog byAnalyst = ModelCatalog.open(other, "analyst", "pw")) {
                assertEquals(1, save(byAnalyst, "demand", records(3, "a")));
                assertEquals(2, save(byAnalyst, "demand", records(3, "b")));
                assertSeriesEqual(records(3, "b"), byAnalyst.series("demand", 2));
                assertTrue(byAnalyst.drop("demand"));
            }
        }
    }

    @Test
    void aNonAdminUserUsesACatalogueOfAnOlderDriverWithoutTheSharedStateTable() throws Exception {
        String other = "jdbc:h2:" + dir.resolve("older");
        try (Connection admin = DriverManager.getConnection(other, "sa", ""); Statement st = admin.createStatement()) {
            try (ModelCatalog byAdmin = ModelCatalog.open(other, "sa", "")) {
                assertEquals(1, save(byAdmin, "demand", records(2, "old")));
            }
            st.execute("DROP TABLE FORECAST_CATALOG.MODEL_SHARED"); // as the previous driver left it
            st.execute("CREATE USER ANALYST PASSWORD 'pw'");
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA FORECAST_CATALOG TO ANALYST");
            try (ModelCatalog byAnalyst = ModelCatalog.open(other, "analyst", "pw")) {
                assertArrayEquals(new byte[0], byAnalyst.shared("demand", 1));
                assertEquals(2, save(byAnalyst, "demand", records(2, "local models only")));
                StorageException e = assertThrows(StorageException.class, () -> byAnalyst.save("demand", "", "", "regression",
                        new byte[0], new byte[] {1, 2, 3}, records(2, "global").iterator(), List.of()));
                assertTrue(e.getMessage().contains("admin user opening the database once"), e.getMessage());
                assertEquals(2, byAnalyst.latest("demand").orElseThrow().version(), "the failed save stored nothing");
            }
            try (ModelCatalog byAdmin = ModelCatalog.open(other, "sa", "")) {
                assertEquals(3, byAdmin.save("demand", "", "", "regression", new byte[0], new byte[] {1, 2, 3},
                        records(2, "global").iterator(), List.of()));
            }
        }
    }

    @Test
    void badNamesAndUnnamedMemoryDatabasesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> catalog.latest(" "));
        assertThrows(IllegalArgumentException.class, () -> catalog.latest("x".repeat(257)));
        StorageException e = assertThrows(StorageException.class, () -> ModelCatalog.open("jdbc:h2:mem:", "sa", ""));
        assertEquals(StorageException.Code.CATALOG_FAILURE, e.code());
    }

    /**
     * While version 2's save is blocked inside its iterator, a second catalogue on the same database sees
     * version 1 only; after the save commits it sees version 2 with all its series.
     */
    @Test
    void concurrentReaderSeesTheOldVersionUntilCommit() throws Exception {
        save(catalog, "demand", records(3, "v1"));
        CountDownLatch inSave = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<SeriesRecord> v2 = records(2500, "v2");
        Iterator<SeriesRecord> blocking = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < v2.size();
            }

            @Override
            public SeriesRecord next() {
                if (i == 2000) { // after two executed batches
                    inSave.countDown();
                    await(release);
                }
                return v2.get(i++);
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ModelCatalog reader = ModelCatalog.open(url, "sa", "")) {
            Future<Integer> saving = pool.submit(() -> catalog.save("demand", "o", "f", "m", null, blocking, backtest()));
            assertTrue(inSave.await(60, TimeUnit.SECONDS));
            assertEquals(1, reader.latest("demand").orElseThrow().version());
            assertEquals(List.of("demand:1"), reader.listAll().stream()
                    .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
            assertEquals(Optional.empty(), reader.version("demand", 2));
            assertSeriesEqual(records(3, "v1"), reader.series("demand", 1));
            release.countDown();
            assertEquals(2, saving.get(60, TimeUnit.SECONDS));
            ModelVersion latest = reader.latest("demand").orElseThrow();
            assertEquals(2, latest.version());
            assertEquals(2500, latest.seriesCount());
            assertSeriesEqual(v2, reader.series("demand", 2));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Two saves of one name: the second waits for the first (blocked mid-save) to commit, then takes the
     * next version. The test releases the first only once the second has hit the first's lock.
     */
    @Test
    void concurrentSavesOfOneNameGetDistinctVersions() throws Exception {
        save(catalog, "demand", records(1, "v1"));
        CountDownLatch inSave = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Iterator<SeriesRecord> blocking = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public SeriesRecord next() {
                if (i == 1) {
                    inSave.countDown();
                    await(release);
                }
                return record(i++, "a");
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch secondWaited = new CountDownLatch(1);
        try (ModelCatalog other = ModelCatalog.open(url, "sa", "")) {
            other.onClaimRetry(secondWaited::countDown);
            Future<Integer> first = pool.submit(() -> catalog.save("demand", "", "", "", null, blocking, List.of()));
            assertTrue(inSave.await(60, TimeUnit.SECONDS));
            Future<Integer> second = pool.submit(() -> save(other, "DEMAND", records(2, "b")));
            assertTrue(secondWaited.await(60, TimeUnit.SECONDS));
            assertEquals(1, other.latest("demand").orElseThrow().version());
            release.countDown();
            assertEquals(2, first.get(60, TimeUnit.SECONDS));
            assertEquals(3, second.get(60, TimeUnit.SECONDS));
            assertEquals(3, catalog.series("demand", 2).size());
            assertEquals(2, catalog.series("demand", 3).size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** A drop during a save of the same name removes the committed versions; the save then commits its own. */
    @Test
    void dropDuringASaveOfTheSameName() throws Exception {
        save(catalog, "demand", records(2, "v1"));
        CountDownLatch inSave = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Iterator<SeriesRecord> blocking = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public SeriesRecord next() {
                if (i == 1) {
                    inSave.countDown();
                    await(release);
                }
                return record(i++, "v2");
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ModelCatalog other = ModelCatalog.open(url, "sa", "")) {
            Future<Integer> saving = pool.submit(() -> catalog.save("demand", "", "", "", null, blocking, List.of()));
            assertTrue(inSave.await(60, TimeUnit.SECONDS));
            assertTrue(other.drop("demand"));
            assertEquals(Optional.empty(), other.latest("demand"));
            release.countDown();
            assertEquals(2, saving.get(60, TimeUnit.SECONDS));
            assertEquals(List.of("demand:2"), other.listAll().stream()
                    .map(m -> m.name() + ":" + m.version()).collect(Collectors.toList()));
            assertEquals(3, other.series("demand", 2).size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Four threads, each saving one name five times: versions 1..20, each complete. */
    @Test
    void manyConcurrentSavesNeverShareAVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Integer> got = new ArrayList<>();
                    try (ModelCatalog mine = ModelCatalog.open(url, "sa", "")) {
                        for (int k = 0; k < 5; k++) {
                            got.add(save(mine, "shared", records(10 + thread, "t" + thread)));
                        }
                    }
                    return got;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            Collections.sort(all);
            assertEquals(IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()), all);
            for (ModelVersion v : catalog.listAll()) {
                assertEquals(v.seriesCount(), catalog.series("shared", v.version()).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openingIsIdempotentAndSafeWhenRacing() throws Exception {
        String fresh = "jdbc:h2:" + dir.resolve("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ModelCatalog>> opened = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                opened.add(pool.submit(() -> {
                    await(start);
                    return ModelCatalog.open(fresh, "sa", "");
                }));
            }
            start.countDown();
            List<ModelCatalog> catalogs = new ArrayList<>();
            for (Future<ModelCatalog> f : opened) {
                catalogs.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, save(catalogs.get(0), "m", records(1, "x")));
            assertEquals(1, catalogs.get(3).latest("m").orElseThrow().version());
            for (ModelCatalog c : catalogs) {
                c.close();
            }
        } finally {
            pool.shutdownNow();
        }
        try (ModelCatalog again = ModelCatalog.open(fresh, "sa", "")) {
            assertEquals(1, again.list().size());
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
