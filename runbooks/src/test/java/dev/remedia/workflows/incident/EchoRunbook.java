package dev.remedia.workflows.incident;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/** A stand-in runbook that returns its input, so tests see what the incident started it with. */
@WorkflowInterface
public interface EchoRunbook {

  @WorkflowMethod(name = "echo")
  Map<String, Object> echo(Map<String, Object> input);

  class Impl implements EchoRunbook {
    @Override
    public Map<String, Object> echo(Map<String, Object> input) {
      return input;
    }
  }
}
