package org.forecastsql.storage;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link ModelCatalogCrashTest}: saves version 1 of model {@code demand}, then starts
 * saving version 2 with an iterator that, after enough records for several executed batches, prints
 * {@code SAVING} and blocks forever, so that the parent can kill the process mid-save. With a second
 * argument {@code halt}, it halts the JVM (no shutdown hooks, like a kill) right after version 1's save returns.
 */
final class CatalogCrashChild {

    static final int V1_SERIES = 1200;
    static final int V2_BEFORE_BLOCK = 6000;

    private CatalogCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        ModelCatalog catalog = ModelCatalog.open(args[0], "sa", "");
        int v1 = catalog.save("demand", "horizon=7", "fp1", "naive", new byte[] {1, 2, 3},
                ModelCatalogTest.records(V1_SERIES, "v1").iterator(), ModelCatalogTest.backtest());
        System.out.println("SAVED " + v1);
        System.out.flush();
        if (args.length > 1 && args[1].equals("halt")) {
            Runtime.getRuntime().halt(3);
        }
        CountDownLatch never = new CountDownLatch(1);
        byte[] bulk = new byte[2048];
        Iterator<SeriesRecord> blocking = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SeriesRecord next() {
                if (i == V2_BEFORE_BLOCK) {
                    System.out.println("SAVING");
                    System.out.flush();
                    ModelCatalogTest.await(never);
                }
                return new SeriesRecord(i++, "k", "naive", 1, "ok", 1.0, 2.0, bulk);
            }
        };
        catalog.save("demand", "horizon=7", "fp2", "naive", null, blocking, List.of());
        System.out.println("UNREACHABLE");
    }
}
