package dev.remedia.api.metrics;

import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.workflows.incident.IncidentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gauges read from PostgreSQL, where every instance sees the same numbers: incidents open or
 * acknowledged, and approval gates waiting for a decision. Each query runs at most once per {@link
 * #FRESH_FOR}; while PostgreSQL cannot answer, the gauges read NaN.
 */
@Context
class ReadModelGauges {

  static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED);

  ReadModelGauges(MeterRegistry registry, IncidentStore incidents, ApprovalStore approvals) {
    CachedReading<Map<IncidentStatus, Integer>> open =
        new CachedReading<>("open incidents", () -> incidents.countByStatus(OPEN), FRESH_FOR, System::nanoTime);
    for (IncidentStatus status : OPEN) {
      Gauge.builder(
              "remedia.incidents.open",
              open,
              reading -> reading.get().map(counts -> (double) counts.get(status)).orElse(Double.NaN))
          .description("Incidents not yet resolved, by status (open or acknowledged)")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .strongReference(true)
          .register(registry);
    }
    CachedReading<Integer> pending =
        new CachedReading<>("pending approvals", approvals::countPending, FRESH_FOR, System::nanoTime);
    Gauge.builder("remedia.approvals.pending", pending, reading -> reading.get().map(Integer::doubleValue).orElse(Double.NaN))
        .description("Approval gates waiting for a decision")
        .strongReference(true)
        .register(registry);
  }
}
