package dev.remedia.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every timer the same few latency buckets (5 ms to 60 s; Temporal's long polls take up to a
 * minute), counted since the start, as Prometheus expects of a histogram. Temporal's reporter asks for
 * Micrometer's percentile histogram, about 70 buckets per series; these 13 are plenty for alerting
 * and dashboards. The window never rotates, so each bucket only grows (and a timer's max would be
 * the largest since the start, which is why /metrics leaves it out). The registry would also copy
 * the buckets into one gauge each; those copies are refused, so each bucket is written once.
 */
final class LatencyBuckets implements MeterFilter {

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    return id.syntheticAssociation() == null ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
  }

  private static final double[] SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (id.getType() != Meter.Type.TIMER) {
      return config;
    }
    double[] nanos = new double[SECONDS.length];
    for (int i = 0; i < SECONDS.length; i++) {
      nanos[i] = SECONDS[i] * TimeUnit.SECONDS.toNanos(1);
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(nanos)
        .expiry(Duration.ofDays(365 * 100))
        .bufferLength(1)
        .build()
        .merge(config);
  }
}
