package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks up every accepted alert until its incident workflow has linked it. Each pass asks about the
 * alerts not yet seen linked, with bounded concurrency; passes repeat until none is missing or the
 * deadline passes. The time to full visibility is therefore measured at the resolution of one pass;
 * {@code linkedOnFirstLook} says how many were already linked when first asked about.
 */
final class VisibilityCheck {

  private static final int MAX_LISTED = 20;

  private final RemediaApi api;
  private final int concurrency;

  VisibilityCheck(RemediaApi api, int concurrency) {
    this.api = api;
    this.concurrency = concurrency;
  }

  Map<String, Object> run(List<String> signalledIds, int noOpenIncident, long loadEndNanos, long deadlineNanos)
      throws InterruptedException {
    // Newest first: they are the likeliest to be unlinked, so the first pass sees the read model's lag.
    List<String> pending = new ArrayList<>(signalledIds);
    java.util.Collections.reverse(pending);
    AtomicLong duplicates = new AtomicLong();
    AtomicLong lookupErrors = new AtomicLong();
    Queue<String> unknown = new ConcurrentLinkedQueue<>();
    int passes = 0;
    long linkedOnFirstLook = 0;
    double firstPassSeconds = 0;
    Double fullyVisibleAfter = null;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemon());
    try {
      while (true) {
        long passStart = System.nanoTime();
        Queue<String> remaining = new ConcurrentLinkedQueue<>(pending);
        Queue<String> stillMissing = new ConcurrentLinkedQueue<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
          workers.add(
              pool.submit(
                  () -> {
                    String id;
                    while ((id = remaining.poll()) != null) {
                      try {
                        JsonNode alert = api.alert(id);
                        if (alert == null) {
                          unknown.add(id);
                        } else if (alert.path("incidentId").isTextual()) {
                          if (alert.path("duplicate").asBoolean()) {
                            duplicates.incrementAndGet();
                          }
                        } else {
                          stillMissing.add(id);
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      } catch (Exception e) {
                        lookupErrors.incrementAndGet();
                        stillMissing.add(id);
                      }
                    }
                  }));
        }
        for (Future<?> worker : workers) {
          try {
            worker.get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("visibility check failed", e.getCause());
          }
        }
        passes++;
        long now = System.nanoTime();
        if (passes == 1) {
          firstPassSeconds = (now - passStart) / 1e9;
          linkedOnFirstLook = signalledIds.size() - stillMissing.size() - unknown.size();
        }
        pending = new ArrayList<>(stillMissing);
        if (pending.isEmpty()) {
          fullyVisibleAfter = (now - loadEndNanos) / 1e9;
          break;
        }
        if (now > deadlineNanos) {
          break;
        }
        Driver.progress("visibility: %d of %d alerts not linked yet (pass %d)", pending.size(), signalledIds.size(), passes);
        Thread.sleep(1000);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> missing = new ArrayList<>(pending);
    missing.addAll(unknown);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("accepted", (long) signalledIds.size() + noOpenIncident);
    report.put("signalled", signalledIds.size());
    report.put("linked", signalledIds.size() - missing.size());
    report.put("linkedOnFirstLook", linkedOnFirstLook);
    report.put("linkedAsDuplicate", duplicates.get());
    report.put("noOpenIncident", noOpenIncident);
    report.put("missing", missing.size());
    report.put("unknownToRemedia", unknown.size());
    report.put("missingIds", missing.subList(0, Math.min(MAX_LISTED, missing.size())));
    report.put("lookupErrors", lookupErrors.get());
    report.put("passes", passes);
    report.put("firstPassSeconds", PhaseResult.round(firstPassSeconds));
    report.put("fullyVisibleAfterSeconds", fullyVisibleAfter == null ? null : PhaseResult.round(fullyVisibleAfter));
    report.put("met", missing.isEmpty());
    return report;
  }

  static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    };
  }
}
