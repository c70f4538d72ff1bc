package dev.remedia.api.runs;

import dev.remedia.activities.store.RunPage;
import dev.remedia.activities.store.RunQuery;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.query.QueryParameters;
import dev.remedia.api.query.StoredJson;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.RunbookDefinition;
import jakarta.inject.Singleton;

/** Answers run queries from the read model, turning query parameters into a checked {@link RunQuery}. */
@Singleton
class RunReader {

  private final RunStore runs;
  private final RunLookup lookup;
  private final StoredJson json;

  RunReader(RunStore runs, RunLookup lookup, StoredJson json) {
    this.runs = runs;
    this.lookup = lookup;
    this.json = json;
  }

  RunView find(String id) {
    StoredRun run = lookup.find(id);
    return new RunView(
        run.id(),
        run.runbook(),
        run.status().name(),
        json.tree(run.inputJson()),
        json.tree(run.resultJson()),
        run.failure(),
        run.createdAt(),
        run.endedAt(),
        run.retryOf(),
        runs.retriesOf(id),
        runs.steps(id).stream()
            .map(
                step ->
                    new RunView.StepView(
                        step.seq(),
                        step.name(),
                        step.state().name(),
                        step.startedAt(),
                        step.endedAt(),
                        step.detail()))
            .toList());
  }

  RunSummary.Page list(String status, String runbook, String limit, String cursor) {
    RunQuery query =
        new RunQuery(
            QueryParameters.oneOf("status", status, RunStatus.class),
            runbook(runbook),
            QueryParameters.limit(limit, RunQuery.MAX_LIMIT),
            QueryParameters.cursor(cursor));
    RunPage page = runs.list(query);
    return new RunSummary.Page(
        page.runs().stream()
            .map(
                run ->
                    new RunSummary(
                        run.id(),
                        run.runbook(),
                        run.status().name(),
                        run.failure(),
                        run.createdAt(),
                        run.endedAt()))
            .toList(),
        page.next() == null ? null : page.next().encode());
  }

  private static String runbook(String runbook) {
    if (runbook == null || runbook.isBlank()) {
      return null;
    }
    if (!RunbookDefinition.isValidName(runbook.strip())) {
      throw ApiProblem.badRequest("runbook must be a runbook name: lower-case letters, digits and dashes");
    }
    return runbook.strip();
  }
}
