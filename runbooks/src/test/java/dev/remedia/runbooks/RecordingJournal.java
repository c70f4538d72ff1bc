package dev.remedia.runbooks;

import dev.remedia.workflows.runbook.RunJournalActivities;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.StepState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the journal in memory so workflow tests can assert the timeline a run would show. */
public final class RecordingJournal implements RunJournalActivities {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  @Override
  public void runStarted(RunStarted event) {
    events.add(event);
  }

  @Override
  public void stepStarted(StepStarted event) {
    events.add(event);
  }

  @Override
  public void stepEnded(StepEnded event) {
    events.add(event);
  }

  @Override
  public void runEnded(RunEnded event) {
    events.add(event);
  }

  /** Each ended step as "name:STATE", in order. */
  public List<String> stepOutcomes() {
    return events.stream()
        .filter(StepEnded.class::isInstance)
        .map(StepEnded.class::cast)
        .map(step -> step.name() + ":" + step.state())
        .toList();
  }

  /** Whether a step of this name has started, ended or not: a test waits for this before it interrupts. */
  public boolean started(String name) {
    return events.stream()
        .filter(StepStarted.class::isInstance)
        .anyMatch(event -> ((StepStarted) event).name().equals(name));
  }

  public StepEnded step(String name) {
    return events.stream()
        .filter(StepEnded.class::isInstance)
        .map(StepEnded.class::cast)
        .filter(step -> step.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ended step named " + name + " in " + events));
  }

  public RunStarted start() {
    return events.stream()
        .filter(RunStarted.class::isInstance)
        .map(RunStarted.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the run recorded no start: " + events));
  }

  public RunEnded outcome() {
    return events.stream()
        .filter(RunEnded.class::isInstance)
        .map(RunEnded.class::cast)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("the run recorded no outcome: " + events));
  }

  public RunStatus status() {
    return outcome().status();
  }

  public boolean recordedStep(StepState state) {
    return events.stream()
        .filter(StepEnded.class::isInstance)
        .anyMatch(event -> ((StepEnded) event).state() == state);
  }
}
