package dev.remedia.runbooks.httpcheck;

import dev.remedia.workflows.probe.HttpProbeActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers probes from a script: each attempt takes the next outcome; the last one repeats. */
final class FakeHttpProbe implements HttpProbeActivities {

  private final Deque<Object> script = new ArrayDeque<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private volatile boolean blockFirstAttempt;

  /** The first attempt hangs (heartbeating) until Temporal cancels it, like a probe of a slow target. */
  FakeHttpProbe blockingFirstAttempt() {
    blockFirstAttempt = true;
    return this;
  }

  void awaitFirstAttempt() throws InterruptedException {
    firstAttempt.await(10, TimeUnit.SECONDS);
  }

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

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public HttpProbeResult probe(HttpProbeRequest request) {
    boolean first = attempts.incrementAndGet() == 1;
    firstAttempt.countDown();
    if (first && blockFirstAttempt) {
      for (int i = 0; i < 100; i++) {
        Activity.getExecutionContext().heartbeat(i);
        sleepQuietly();
      }
    }
    Object next = script.size() > 1 ? script.poll() : script.peek();
    if (next instanceof ApplicationFailure failure) {
      throw failure;
    }
    return (HttpProbeResult) next;
  }
}
