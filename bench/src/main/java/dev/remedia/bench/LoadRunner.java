package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Posts bodies on a schedule. With an interval the schedule is open-loop: post {@code i} is due
 * at {@code start + i * interval} whatever happened before, and its latency counts from that moment,
 * so time spent waiting for a free connection slot is part of it (no coordinated omission). Without an
 * interval every post is sent as soon as a slot frees up and its latency counts from then.
 */
final class LoadRunner {

  /** One request: where it goes and what it carries. */
  record Post(URI target, byte[] body) {}

  private final HttpClient client;
  private final ObjectMapper json;
  private final String token;
  private final int concurrency;
  private final Duration requestTimeout;

  /** @param token sent as a bearer token with every post, or null */
  LoadRunner(RemediaApi remedia, String token, int concurrency) {
    this.client = remedia.client();
    this.json = remedia.json();
    this.token = token;
    this.concurrency = concurrency;
    this.requestTimeout = remedia.timeout();
  }

  PhaseResult run(String name, long posts, long intervalNanos, int alertsPerPost, Supplier<Post> next)
      throws InterruptedException {
    PhaseResult result = new PhaseResult(name);
    Semaphore slots = new Semaphore(concurrency);
    long start = System.nanoTime();
    result.started(start);
    long nextReport = start + TimeUnit.SECONDS.toNanos(10);
    for (long i = 0; i < posts; i++) {
      long due = start + i * intervalNanos;
      boolean early = System.nanoTime() < due;
      parkUntil(due);
      long woke = System.nanoTime();
      slots.acquire();
      Post post = next.get();
      long sendAt = System.nanoTime();
      long scheduled = intervalNanos > 0 ? due : sendAt;
      result.sent(alertsPerPost, intervalNanos > 0 && early ? woke - due : 0, sendAt - scheduled);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(post.target())
              .timeout(requestTimeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      client
          .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, error) -> {
                long done = System.nanoTime();
                try {
                  if (error != null) {
                    result.failed(scheduled, done, error);
                  } else {
                    answered(result, scheduled, done, response);
                  }
                } finally {
                  slots.release();
                }
              });
      if (sendAt >= nextReport) {
        nextReport += TimeUnit.SECONDS.toNanos(10);
        Driver.progress(
            "%s: %d/%d posts sent, %d answered 2xx, %d 5xx, %d transport errors",
            name, i + 1, posts, result.count(200, 299), result.count(500, 599), result.errors());
      }
    }
    // Every post is answered or has timed out once all slots are free again.
    if (!slots.tryAcquire(concurrency, requestTimeout.toSeconds() + 10, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + ": requests still in flight after their timeout");
    }
    return result;
  }

  private void answered(PhaseResult result, long scheduled, long done, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 202) {
      JsonNode body;
      try {
        body = json.readTree(response.body());
      } catch (Exception e) {
        result.answered(scheduled, done, status, null, "202 with a body that is not JSON: " + e.getMessage());
        return;
      }
      result.answered(scheduled, done, status, body, null);
      return;
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    result.answered(scheduled, done, status, null, text.length() > 300 ? text.substring(0, 300) + "..." : text);
  }

  private static void parkUntil(long deadline) {
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }
}
