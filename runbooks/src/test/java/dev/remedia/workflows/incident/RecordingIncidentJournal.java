package dev.remedia.workflows.incident;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps incident journal writes in memory, converged the way the store converges them: per incident,
 * the write with the highest sequence number is the current view.
 */
final class RecordingIncidentJournal implements IncidentJournalActivities {

  private final List<IncidentRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> linked = new ConcurrentHashMap<>();
  private final List<RunLink> runs = new CopyOnWriteArrayList<>();
  private volatile Consumer<IncidentRecord> onRecord = record -> {};

  @Override
  public void record(IncidentRecord record) {
    records.add(record);
    onRecord.accept(record);
  }

  @Override
  public void linkAlerts(String incidentId, List<String> alertIds) {
    linked.computeIfAbsent(incidentId, id -> new CopyOnWriteArrayList<>()).addAll(alertIds);
  }

  @Override
  public void runStarted(RunLink link) {
    runs.add(link);
  }

  /** Runs {@code action} inside every later record write, as if it happened while the write ran. */
  void whileRecording(Consumer<IncidentRecord> action) {
    onRecord = action;
  }

  List<String> incidentIds() {
    return records.stream().map(IncidentRecord::incidentId).distinct().toList();
  }

  /** The latest view of the only incident, or of the last one opened. */
  IncidentRecord latest() {
    String id = incidentIds().get(incidentIds().size() - 1);
    return latest(id);
  }

  IncidentRecord latest(String incidentId) {
    return records.stream()
        .filter(record -> record.incidentId().equals(incidentId))
        .reduce((first, second) -> second.seq() >= first.seq() ? second : first)
        .orElseThrow();
  }

  /**
   * Event kinds of an incident in order, e.g. [opened, resolved, closed], kept as the store keeps them:
   * by number, a later write of the same number replacing the earlier one.
   */
  List<String> eventKinds(String incidentId) {
    TreeMap<Integer, String> kinds = new TreeMap<>();
    int last = 0;
    for (IncidentRecord record : records) {
      if (record.incidentId().equals(incidentId)) {
        record.events().forEach(event -> kinds.put(event.seq(), event.kind()));
        last = record.lastEventSeq();
      }
    }
    return kinds.headMap(last + 1).values().stream().toList();
  }

  /** The alerts linked to an incident; a retried write links the same alert again, as the store does. */
  List<String> alertIds(String incidentId) {
    return records.stream()
        .filter(record -> record.incidentId().equals(incidentId))
        .flatMap(record -> record.newAlertIds().stream())
        .distinct()
        .toList();
  }

  List<String> linkedAlerts(String incidentId) {
    return linked.getOrDefault(incidentId, List.of());
  }

  List<IncidentRecord> records() {
    return records;
  }

  List<RunLink> runs() {
    return runs;
  }
}
