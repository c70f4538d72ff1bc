package dev.remedia.api.reports;

import dev.remedia.activities.store.SlaFacts.IncidentFact;
import dev.remedia.activities.store.SlaFacts.PageFact;
import dev.remedia.activities.store.SlaFacts.RunFact;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.runbook.RunStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts the facts of one group, then turns them into its figures. */
final class SlaTally {

  private long incidents;
  private final List<Long> toAcknowledge = new ArrayList<>();
  private final List<Long> toResolve = new ArrayList<>();
  private long automatic;
  private long human;
  private final Map<PageChannel, Long> pagesSent = new EnumMap<>(PageChannel.class);
  private final Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);

  /**
   * Counts an incident; its acknowledgement and its resolution only where this group is the one that
   * gave them (always, unless grouped by person).
   */
  void incident(IncidentFact incident, boolean countAcknowledgement, boolean countResolution) {
    incidents++;
    if (countAcknowledgement && incident.acknowledgedAt() != null) {
      toAcknowledge.add(seconds(incident.openedAt(), incident.acknowledgedAt()));
    }
    if (countResolution && incident.resolvedAt() != null) {
      toResolve.add(seconds(incident.openedAt(), incident.resolvedAt()));
      if (GroupBy.automatic(incident.resolvedVia())) {
        automatic++;
      } else {
        human++;
      }
    }
  }

  /** Counts a page that went out. */
  void page(PageFact page) {
    pagesSent.merge(PageChannel.valueOf(page.channel()), 1L, Long::sum);
  }

  void run(RunFact run) {
    runs.merge(RunStatus.valueOf(run.status()), 1L, Long::sum);
  }

  SlaFigures figures(String group) {
    Map<String, Long> sent = new LinkedHashMap<>();
    for (PageChannel channel : PageChannel.values()) {
      sent.put(channel.name(), pagesSent.getOrDefault(channel, 0L));
    }
    return new SlaFigures(
        group,
        incidents,
        toAcknowledge.size(),
        toResolve.size(),
        Durations.of(toAcknowledge),
        Durations.of(toResolve),
        new SlaFigures.Resolutions(automatic, human),
        sent,
        runFigures());
  }

  private SlaFigures.Runs runFigures() {
    long succeeded = runs.getOrDefault(RunStatus.SUCCEEDED, 0L);
    long failed = runs.getOrDefault(RunStatus.FAILED, 0L);
    long cancelled = runs.getOrDefault(RunStatus.CANCELLED, 0L);
    long running = runs.getOrDefault(RunStatus.RUNNING, 0L);
    long ended = succeeded + failed + cancelled;
    Double rate =
        ended == 0
            ? null
            : BigDecimal.valueOf(succeeded).divide(BigDecimal.valueOf(ended), 4, RoundingMode.HALF_UP).doubleValue();
    return new SlaFigures.Runs(ended + running, succeeded, failed, cancelled, running, rate);
  }

  // Whole seconds, as an incident's own page shows them.
  private static long seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds();
  }
}
