package dev.remedia.runbooks;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a finished workflow's history as a replay fixture, only when asked with
 * {@code -Dremedia.record-histories=<dir>}, and never over an existing file: a history recorded when a
 * runbook (or a new version of it) shipped must stay as it was, or the replay test stops protecting
 * the executions that are running now. Give a new version's history a new name.
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
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history " + file, e);
    }
  }
}
