package dev.remedia.api.metrics;

import dev.remedia.activities.metrics.RemediaCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The one registry behind {@code /metrics}: Remedia's counters and gauges, Temporal's worker and client
 * metrics (reported into it by {@code TemporalConnection}), and the JVM's. Counts are cumulative, as
 * Prometheus expects.
 */
@Factory
class MetricsFactory {

  @Singleton
  MeterRegistry meterRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new LatencyBuckets());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Singleton
  RemediaCounters remediaCounters(MeterRegistry registry) {
    return new RemediaCounters(registry);
  }
}
