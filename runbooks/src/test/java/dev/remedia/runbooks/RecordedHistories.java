package dev.remedia.runbooks;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a finished workflow's history as a replay fixture, only when asked with
 * {@code -Dremedia.record-histories=<dir>}. Record once when a runbook (or a new version of it) ships;
 * never re-record an existing file, or the replay test stops protecting running executions.
 */
public final class RecordedHistories {

  private static final String PROPERTY = "remedia.record-histories";

  private RecordedHistories() {}

  public static void saveIfRequested(WorkflowClient client, String workflowId, String name) {
    String directory = System.getProperty(PROPERTY);
    if (directory == null || directory.isBlank()) {
      return;
    }
    Path file = Path.of(directory, name + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history " + file, e);
    }
  }
}
