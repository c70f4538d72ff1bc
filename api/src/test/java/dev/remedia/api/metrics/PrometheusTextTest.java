package dev.remedia.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How Micrometer's meters are written in Prometheus' text format: names, units, types, escaping. */
class PrometheusTextTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  {
    registry.config().meterFilter(new LatencyBuckets());
  }

  @Test
  void countersEndInTotalAndShareOneHelpAndTypeAcrossTheirLabels() {
    Counter.builder("remedia.alerts.received").description("Alerts").tag("source", "events").register(registry).increment(3);
    Counter.builder("remedia.alerts.received").description("Alerts").tag("source", "grafana").register(registry).increment();

    assertEquals(
        """
        # HELP remedia_alerts_received_total Alerts
        # TYPE remedia_alerts_received_total counter
        remedia_alerts_received_total{source="events"} 3
        remedia_alerts_received_total{source="grafana"} 1
        """,
        PrometheusText.of(registry));
  }

  @Test
  void labelValuesAndHelpAreEscapedAndAnUnknownGaugeIsNaN() {
    Gauge.builder("remedia.odd", () -> Double.NaN)
        .description("a \\ and\na newline")
        .tag("path", "C:\\x \"quoted\"\nnext")
        .register(registry);

    String text = PrometheusText.of(registry);

    assertTrue(text.contains("# HELP remedia_odd a \\\\ and\\na newline\n"), text);
    assertTrue(text.contains("remedia_odd{path=\"C:\\\\x \\\"quoted\\\"\\nnext\"} NaN\n"), text);
    Exposition.parse(text);
  }

  @Test
  void aTimerIsAHistogramInSecondsWithCumulativeBucketsAndNoSyntheticCopies() {
    Timer timer = Timer.builder("temporal_request_latency").publishPercentileHistogram().register(registry);
    timer.record(Duration.ofMillis(30));
    timer.record(Duration.ofMillis(200));
    timer.record(Duration.ofSeconds(90));

    Exposition text = Exposition.parse(PrometheusText.of(registry));

    assertEquals("histogram", text.type("temporal_request_latency_seconds"));
    assertEquals(0.0, text.value("temporal_request_latency_seconds_bucket{le=\"0.025\"}"));
    assertEquals(1.0, text.value("temporal_request_latency_seconds_bucket{le=\"0.05\"}"));
    assertEquals(2.0, text.value("temporal_request_latency_seconds_bucket{le=\"0.25\"}"));
    assertEquals(2.0, text.value("temporal_request_latency_seconds_bucket{le=\"60\"}"));
    assertEquals(3.0, text.value("temporal_request_latency_seconds_bucket{le=\"+Inf\"}"));
    assertEquals(3.0, text.value("temporal_request_latency_seconds_count"));
    assertEquals(90.23, text.value("temporal_request_latency_seconds_sum"), 1e-9);
    assertEquals(1, registry.getMeters().size(), "only the timer: no gauge per bucket");
  }

  @Test
  void aSummaryWithABaseUnitIsASummaryNamedByItsUnit() {
    DistributionSummary.builder("remedia.payload").baseUnit("bytes").register(registry).record(512);

    Exposition text = Exposition.parse(PrometheusText.of(registry));

    assertEquals("summary", text.type("remedia_payload_bytes"));
    assertEquals(1.0, text.value("remedia_payload_bytes_count"));
    assertEquals(512.0, text.value("remedia_payload_bytes_sum"));
  }
}
