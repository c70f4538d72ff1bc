package dev.remedia.api.runs;

import dev.remedia.activities.store.PageCursor;
import dev.remedia.activities.store.RunIds;
import dev.remedia.activities.store.RunPage;
import dev.remedia.activities.store.RunQuery;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/** Answers run queries from the read model, turning query parameters into a checked {@link RunQuery}. */
@Singleton
class RunReader {

  static final int DEFAULT_LIMIT = 50;

  private final RunStore runs;
  private final JsonMapper json;

  RunReader(RunStore runs, JsonMapper json) {
    this.runs = runs;
    this.json = json;
  }

  RunView find(String id) {
    if (!RunIds.plausible(id)) {
      throw ApiProblem.notFound("no run with that id");
    }
    StoredRun run =
        runs.find(id).orElseThrow(() -> ApiProblem.notFound("no run with id '" + id + "'"));
    return new RunView(
        run.id(),
        run.runbook(),
        run.status().name(),
        tree(run.inputJson()),
        run.resultJson() == null ? null : tree(run.resultJson()),
        run.failure(),
        run.createdAt(),
        run.endedAt(),
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
    RunQuery query = new RunQuery(status(status), runbook(runbook), limit(limit), cursor(cursor));
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

  private static RunStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RunStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          "status must be one of " + Arrays.toString(RunStatus.values()) + " (got '" + status + "')");
    }
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= RunQuery.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as an out-of-range number.
    }
    throw ApiProblem.badRequest(
        "limit must be a whole number from 1 to " + RunQuery.MAX_LIMIT + " (got '" + limit + "')");
  }

  private static PageCursor cursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return PageCursor.decode(cursor.strip());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("cursor is not one this API handed out; start again without it");
    }
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

  private JsonNode tree(String stored) {
    try {
      return json.readValue(stored, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored JSON is unreadable", e);
    }
  }
}
