package dev.remedia.activities.store;

import java.time.Instant;
import java.util.List;

/**
 * What the SLA report counts in a window of time: incidents opened, pages created and runs created in
 * it, each with what its group is decided by.
 */
public record SlaFacts(List<IncidentFact> incidents, List<PageFact> pages, List<RunFact> runs) {

  /**
   * An incident and who settled it how.
   *
   * @param service the {@code service} label of the incident's first alert that has one, or null
   */
  public record IncidentFact(
      Instant openedAt,
      Instant acknowledgedAt,
      String acknowledgedBy,
      String acknowledgedVia,
      Instant resolvedAt,
      String resolvedBy,
      String resolvedVia,
      String route,
      String runbook,
      String service) {}

  /**
   * A page, with the incident it paged for (route, runbook, service; all null without one) or, for a
   * page a runbook sent by itself, that run's runbook.
   */
  public record PageFact(
      String channel,
      PageStatus status,
      String person,
      String incidentRoute,
      String incidentRunbook,
      String incidentService,
      String runRunbook) {}

  /** A run, with the route and service of the incident that started it (null for a manual run). */
  public record RunFact(String runbook, String status, String incidentRoute, String incidentService) {}
}
