package org.forecastsql.engine.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.regression.RetailGenerator;
import org.junit.jupiter.api.Test;

/**
 * ND4J loads lazily: with the engine's classes but no ND4J jar on the class path, a stored neural
 * model still reads and forecasts (the same numbers), and a fit fails with a clear
 * {@code ModelFitException} instead of a linkage error.
 */
class NeuralWithoutNd4jTest {

    @Test
    void readsAndForecastsWithoutNd4jAndFitFailsClearly() throws Exception {
        GlobalNeuralModel model = fitSmall();
        byte[] bytes = model.toBytes();
        URL engine = GlobalNeuralModel.class.getProtectionDomain().getCodeSource().getLocation();
        URL slf4j = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL simple = org.slf4j.simple.SimpleLogger.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader bare = new URLClassLoader(new URL[] {engine, slf4j, simple}, ClassLoader.getPlatformClassLoader())) {
            Class<?> family = bare.loadClass(NeuralFamily.class.getName());
            Object instance = family.getConstructor().newInstance();
            Object read = family.getMethod("readGlobal", byte[].class).invoke(instance, (Object) bytes);
            List<RetailGenerator.Sku> skus = RetailGenerator.generate(1, LocalDate.parse("2026-02-28"), 2 * 365, 11);
            RetailGenerator.Sku s = skus.get(0);
            Method forecast = read.getClass().getMethod("forecast", int.class, int.class, double[].class,
                    double[][].class, long[].class);
            Object f = forecast.invoke(read, 0, 28, new double[] {80}, NeuralFamilyTest.future(s), NeuralFamilyTest.futureTimes(s));
            double[] mean = (double[]) f.getClass().getMethod("mean").invoke(f);
            Forecast expected = model.forecast(0, 28, new double[] {80}, NeuralFamilyTest.future(s), NeuralFamilyTest.futureTimes(s));
            assertArrayEquals(expected.mean(), mean, 0.0);
            Class<?> nd4j = null;
            try {
                nd4j = bare.loadClass("org.nd4j.linalg.factory.Nd4j");
            } catch (ClassNotFoundException expectedAbsent) {
                // the bare class path has no ND4J at all
            }
            assertEquals(null, nd4j);
            Class<?> specClass = bare.loadClass(FeatureSpec.class.getName());
            Object spec = bare.loadClass(FeatureSpec.class.getName()).getMethod("daily", int.class,
                    bare.loadClass("org.forecastsql.engine.calendar.HolidayCalendar"), List.class, java.util.Set.class)
                    .invoke(null, 28, bare.loadClass("org.forecastsql.engine.calendar.HolidayCalendar")
                            .getMethod("none").invoke(null), List.of(), java.util.Set.of());
            Class<?> frameClass = bare.loadClass(SeriesFrame.class.getName());
            Object frame = frameClass.getConstructors()[0].newInstance("a", s.times(), s.units(), new double[0][]);
            Method fit = family.getMethod("fitGlobal", List.class, specClass, long.class);
            InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                    () -> fit.invoke(instance, List.of(frame), spec, 1L));
            assertEquals("org.forecastsql.engine.model.ModelFitException", e.getCause().getClass().getName());
            assertTrue(e.getCause().getMessage().contains("ND4J"), e.getCause().getMessage());
        }
    }

    private static GlobalNeuralModel fitSmall() throws Exception {
        List<RetailGenerator.Sku> skus = RetailGenerator.generate(20, LocalDate.parse("2026-02-28"), 2 * 365, 11);
        return new NeuralFamily(NeuralFamilyTest.SMALL.withEpochs(1, 2048, 1))
                .fit(NeuralFamilyTest.training(skus, 28), NeuralFamilyTest.spec(), 1);
    }
}
