package dev.remedia.api.reports;

import dev.remedia.activities.store.ReportStore;
import jakarta.inject.Singleton;

/** Reads the window's facts from the read model and reports on them. */
@Singleton
class SlaReporter {

  private final ReportStore store;

  SlaReporter(ReportStore store) {
    this.store = store;
  }

  SlaReport report(SlaQuery query) {
    return SlaCalculator.report(store.slaFacts(query.from(), query.to()), query.groupBy(), query.from(), query.to());
  }
}
