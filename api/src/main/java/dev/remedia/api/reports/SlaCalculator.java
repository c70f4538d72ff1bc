package dev.remedia.api.reports;

import dev.remedia.activities.store.SlaFacts;
import dev.remedia.activities.store.SlaFacts.IncidentFact;
import dev.remedia.activities.store.SlaFacts.PageFact;
import dev.remedia.activities.store.SlaFacts.RunFact;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns the facts of a window into the SLA report, grouped one way; a pure function of its input. */
final class SlaCalculator {

  static final String PERCENTILES = "nearest-rank";

  private SlaCalculator() {}

  static SlaReport report(SlaFacts facts, GroupBy groupBy, Instant from, Instant to) {
    SlaTally total = new SlaTally();
    Map<String, SlaTally> groups = new TreeMap<>();
    for (IncidentFact incident : facts.incidents()) {
      total.incident(incident, true, true);
      if (groupBy == GroupBy.PERSON) {
        bySettlers(incident, groups);
      } else {
        tally(groups, groupBy.keyOf(incident)).incident(incident, true, true);
      }
    }
    for (PageFact page : facts.pages()) {
      if (page.status().sent()) {
        total.page(page);
        tally(groups, groupBy.keyOf(page)).page(page);
      }
    }
    for (RunFact run : facts.runs()) {
      total.run(run);
      String key = groupBy.keyOf(run);
      if (key != null) {
        tally(groups, key).run(run);
      }
    }
    return new SlaReport(
        from,
        to,
        groupBy.id(),
        PERCENTILES,
        groups.entrySet().stream().map(group -> group.getValue().figures(group.getKey())).toList(),
        total.figures(null));
  }

  /**
   * An incident counts once for each person who acknowledged or resolved it, with the times of what that
   * person did; one nobody settled counts under {@code none}.
   */
  private static void bySettlers(IncidentFact incident, Map<String, SlaTally> groups) {
    String acknowledger =
        incident.acknowledgedAt() == null
            ? null
            : GroupBy.settler(incident.acknowledgedBy(), incident.acknowledgedVia());
    String resolver =
        incident.resolvedAt() == null ? null : GroupBy.settler(incident.resolvedBy(), incident.resolvedVia());
    if (acknowledger == null && resolver == null) {
      tally(groups, GroupBy.NONE).incident(incident, false, false);
      return;
    }
    if (acknowledger != null) {
      tally(groups, acknowledger).incident(incident, true, Objects.equals(acknowledger, resolver));
    }
    if (resolver != null && !resolver.equals(acknowledger)) {
      tally(groups, resolver).incident(incident, false, true);
    }
  }

  private static SlaTally tally(Map<String, SlaTally> groups, String key) {
    return groups.computeIfAbsent(key, name -> new SlaTally());
  }
}
