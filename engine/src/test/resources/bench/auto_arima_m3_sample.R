# Times R's forecast::auto.arima on the same stratified M3 sample that ArimaM3Bench fits with
# "every = k" (every k-th series of meta.csv, in file order), single thread, CPU seconds.
# Usage (from the repository root):
#   Rscript engine/src/test/resources/bench/auto_arima_m3_sample.R ../shared/data/m3 20
# Prints per-category CPU seconds per series and sMAPE/MASE/coverage of its forecasts.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "../shared/data/m3"
every <- if (length(args) > 1) as.integer(args[2]) else 20L
meta <- read.csv(file.path(dir, "meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(dir, "train.csv"), stringsAsFactors = FALSE)
test <- read.csv(file.path(dir, "test.csv"), stringsAsFactors = FALSE)
idx <- seq(1, nrow(meta), by = every)
res <- NULL
for (i in idx) {
  id <- meta$series_id[i]; m <- meta$frequency[i]; h <- meta$horizon[i]
  y <- ts(train$y[train$series_id == id], frequency = m)
  a <- test$y[test$series_id == id]
  t0 <- proc.time()[["user.self"]] + proc.time()[["sys.self"]]
  fit <- auto.arima(y)
  fc <- forecast(fit, h = h, level = c(80, 95))
  t1 <- proc.time()[["user.self"]] + proc.time()[["sys.self"]]
  f <- as.numeric(fc$mean)
  yy <- as.numeric(y); mm <- if (length(yy) > m) m else 1
  scale <- mean(abs(diff(yy, lag = mm)))
  res <- rbind(res, data.frame(cat = meta$category[i], cpu = t1 - t0,
    smape = mean(200 * abs(a - f) / (abs(a) + abs(f))), mase = mean(abs(a - f)) / scale,
    c80 = mean(a >= fc$lower[, 1] & a <= fc$upper[, 1]), c95 = mean(a >= fc$lower[, 2] & a <= fc$upper[, 2]), h = h))
}
summ <- function(d) c(n = nrow(d), sMAPE = weighted.mean(d$smape, d$h), MASE = weighted.mean(d$mase, d$h),
  c80 = weighted.mean(d$c80, d$h), c95 = weighted.mean(d$c95, d$h), cpu_s_per_series = mean(d$cpu))
out <- rbind(ALL = summ(res), t(sapply(split(res, res$cat), summ)))
print(round(out, 4))
