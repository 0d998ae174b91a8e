package org.forecastsql.engine.baseline;

import java.io.DataInput;
import java.io.IOException;
import java.util.List;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.TrainingSeries;

/** The baseline families: naive, seasonal naive, mean and drift, as in R's {@code forecast} package. */
public final class BaselineFamilies {
    private BaselineFamilies() {
    }

    public static List<ModelFamily> all() {
        return List.of(new LagWalk("naive"), new LagWalk("snaive"), new LagWalk("drift"), new Mean());
    }

    private record LagWalk(String method) implements ModelFamily {
        @Override
        public int minLength(int season) {
            return switch (method) {
                case "snaive" -> season + 1;
                case "drift" -> 3;
                default -> 2;
            };
        }

        @Override
        public FittedModel fit(TrainingSeries s) {
            int lag = method.equals("snaive") ? s.season() : 1;
            double[] y = s.y();
            LagWalkKernel.Params p = LagWalkKernel.estimate(y, lag, method.equals("drift"));
            double[] tail = java.util.Arrays.copyOfRange(y, y.length - lag, y.length);
            return new LagWalkModel(method, p, tail, LagWalkKernel.fitted(y, p));
        }

        @Override
        public FittedModel read(DataInput in, int formatVersion) throws IOException {
            return LagWalkModel.read(method, in);
        }
    }

    private record Mean() implements ModelFamily {
        @Override
        public String method() {
            return "mean";
        }

        @Override
        public int minLength(int season) {
            return 1;
        }

        @Override
        public FittedModel fit(TrainingSeries s) {
            double m = MeanKernel.mean(s.y());
            return new MeanModel(m, MeanKernel.sd(s.y(), m), s.length());
        }

        @Override
        public FittedModel read(DataInput in, int formatVersion) throws IOException {
            return MeanModel.read(in);
        }
    }
}
