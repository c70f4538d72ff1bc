package dev.remedia.runbooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.approval.ApprovalWorkflowImpl;
import dev.remedia.workflows.incident.IncidentWorkflowImpl;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.ReplayResults;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays every recorded history under {@code histories/} against today's code of the runbooks and the
 * incident and escalation workflows. A failure means
 * a change would break executions that are running now: guard it with {@code Workflow.getVersion}.
 */
@Timeout(60)
class RecordedHistoriesReplayTest {

  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  @Test
  void everyRecordedHistoryReplaysAgainstTheCurrentCode() throws Exception {
    List<Path> files = historyFiles();
    List<WorkflowExecutionHistory> histories =
        files.stream().map(RecordedHistoriesReplayTest::read).toList();
    Class<?>[] implementations =
        Stream.concat(
                RunbookCatalog.all().stream().map(RunbookDefinition::implementation),
                Stream.of(IncidentWorkflowImpl.class, EscalationWorkflowImpl.class, ApprovalWorkflowImpl.class))
            .toArray(Class<?>[]::new);

    ReplayResults results = WorkflowReplayer.replayWorkflowExecutions(histories, false, implementations);

    assertFalse(histories.isEmpty(), "no recorded histories found");
    assertFalse(
        results.hadAnyError(),
        () ->
            "replay failed (non-deterministic change?): "
                + results.allErrors().stream()
                    .map(error -> error.workflowId + ": " + error.exception)
                    .toList());
  }

  @Test
  void everyRunbookInTheCatalogHasARecordedHistory() throws IOException {
    List<String> names = historyFiles().stream().map(path -> path.getFileName().toString()).toList();
    for (RunbookDefinition runbook : RunbookCatalog.all()) {
      assertTrue(
          names.stream().anyMatch(name -> name.startsWith(runbook.name() + "-")),
          () -> "runbook " + runbook.name() + " has no history under src/test/resources/histories");
    }
  }

  // The source folder, not the classpath copy, so a history recorded in this very build is replayed too.
  private static List<Path> historyFiles() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static WorkflowExecutionHistory read(Path file) {
    try {
      return WorkflowExecutionHistory.fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
