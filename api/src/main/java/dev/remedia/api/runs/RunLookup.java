package dev.remedia.api.runs;

import dev.remedia.activities.store.RunIds;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.problem.ApiProblem;
import jakarta.inject.Singleton;

/** Finds a run in the read model by the id a client sent, or answers 404. */
@Singleton
class RunLookup {

  private final RunStore runs;

  RunLookup(RunStore runs) {
    this.runs = runs;
  }

  /**
   * Answers 404 for an id no run can have (control characters, kilobytes of text), before it reaches a
   * query or the audit log.
   */
  static void requirePlausible(String id) {
    if (!RunIds.plausible(id)) {
      throw ApiProblem.notFound("no run with that id");
    }
  }

  StoredRun find(String id) {
    requirePlausible(id);
    return runs.find(id).orElseThrow(() -> ApiProblem.notFound("no run with id '" + id + "'"));
  }
}
