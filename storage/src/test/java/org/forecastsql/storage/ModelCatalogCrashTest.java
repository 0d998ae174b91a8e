package org.forecastsql.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while saving version 2 leaves version 1 intact: a child JVM (this test's class path)
 * saves v1, starts v2, prints SAVING from inside v2's iterator and blocks; the parent kills it
 * ({@code destroyForcibly}) and reopens the database.
 */
class ModelCatalogCrashTest {

    @TempDir
    Path dir;

    @Test
    void killedDuringSaveLeavesThePreviousVersionIntact() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("crash");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CatalogCrashChild.class.getName(), url)
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            CompletableFuture<Boolean> saving = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (output) {
                            output.add(line);
                        }
                        if (line.equals("SAVING")) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            boolean reached = saving.get(120, TimeUnit.SECONDS);
            synchronized (output) {
                assertTrue(reached, "child output: " + output);
                assertEquals(List.of("SAVED 1", "SAVING"), output);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }

        try (ModelCatalog catalog = ModelCatalog.open(url, "sa", "")) {
            assertEquals(List.of("demand:1"), catalog.listAll().stream()
                    .map(v -> v.name() + ":" + v.version()).collect(Collectors.toList()));
            ModelVersion v1 = catalog.latest("demand").orElseThrow();
            assertEquals("fp1", v1.inputFingerprint());
            assertEquals(CatalogCrashChild.V1_SERIES, v1.seriesCount());
            assertArrayEquals(new byte[] {1, 2, 3}, v1.layout());
            List<SeriesRecord> series = catalog.series("demand", 1);
            List<SeriesRecord> expected = ModelCatalogTest.records(CatalogCrashChild.V1_SERIES, "v1");
            assertEquals(expected.size(), series.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).keyText(), series.get(i).keyText());
                assertArrayEquals(expected.get(i).state(), series.get(i).state());
            }
            assertEquals(ModelCatalogTest.backtest(), catalog.backtest("demand", 1));
            // Nothing of the killed save is left: the next save is version 2 again.
            assertEquals(2, catalog.save("demand", "", "", "", null, ModelCatalogTest.records(1, "x").iterator(),
                    List.of()));
            assertEquals(1, catalog.series("demand", 2).size());
        }
    }

    /**
     * A save that returned is on disk even when the process dies at once (H2 alone would write it up to
     * WRITE_DELAY later; the catalogue checkpoints after each commit).
     */
    @Test
    void aReturnedSaveSurvivesAnImmediateHalt() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("halt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CatalogCrashChild.class.getName(), url, "halt")
                .redirectErrorStream(true).start();
        String out;
        try {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            child.destroyForcibly();
        }
        assertEquals(3, child.exitValue(), out);
        assertEquals("SAVED 1", out.strip());
        try (ModelCatalog catalog = ModelCatalog.open(url, "sa", "")) {
            assertEquals(CatalogCrashChild.V1_SERIES, catalog.require("demand").seriesCount());
            assertEquals(CatalogCrashChild.V1_SERIES, catalog.series("demand", 1).size());
        }
    }
}
