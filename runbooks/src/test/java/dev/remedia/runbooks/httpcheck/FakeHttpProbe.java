package dev.remedia.runbooks.httpcheck;

import dev.remedia.workflows.probe.HttpProbeActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers probes from a script: each attempt takes the next outcome; the last one repeats. */
final class FakeHttpProbe implements HttpProbeActivities {

  private final Deque<Object> script = new ArrayDeque<>();
  private final AtomicInteger attempts = new AtomicInteger();

  FakeHttpProbe then(HttpProbeResult result) {
    script.add(result);
    return this;
  }

  FakeHttpProbe then(ApplicationFailure failure) {
    script.add(failure);
    return this;
  }

  int attempts() {
    return attempts.get();
  }

  @Override
  public HttpProbeResult probe(HttpProbeRequest request) {
    attempts.incrementAndGet();
    Object next = script.size() > 1 ? script.poll() : script.peek();
    if (next instanceof ApplicationFailure failure) {
      throw failure;
    }
    return (HttpProbeResult) next;
  }
}
