package dev.remedia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remedia's memory over a run: resident set size every second from {@code /proc/<pid>/status}, and the
 * Java heap at every tenth sample from {@code jcmd <pid> GC.heap_info}, which attaches to the JVM and
 * so costs a little of its time; every second would be too much. The embedded PostgreSQL runs in
 * processes of its own and is not counted.
 */
final class MemorySampler implements AutoCloseable {

  private static final int HEAP_EVERY = 10;
  private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
  private static final Pattern PEAK = Pattern.compile("^VmHWM:\\s+(\\d+) kB", Pattern.MULTILINE);
  // Every generation or region set the collector reports: "total 262144K, used 98304K".
  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private record Sample(long second, long rssKiB, Long heapUsedKiB, Long heapCommittedKiB) {}

  private final long pid;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(VisibilityCheck.daemon());
  private final List<Sample> samples = new ArrayList<>();
  private long startNanos;
  private long peakKiB;
  private int taken;

  MemorySampler(long pid) {
    this.pid = pid;
  }

  void start() {
    if (pid <= 0) {
      return;
    }
    startNanos = System.nanoTime();
    timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(15, TimeUnit.SECONDS);
  }

  private void sample() {
    String status = read(Path.of("/proc/" + pid + "/status"));
    Matcher rss = RSS.matcher(status);
    if (!rss.find()) {
      return;
    }
    long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    Long used = null;
    Long committed = null;
    if (taken++ % HEAP_EVERY == 0) {
      Matcher heap = HEAP.matcher(heapInfo());
      while (heap.find()) {
        committed = (committed == null ? 0 : committed) + Long.parseLong(heap.group(1));
        used = (used == null ? 0 : used) + Long.parseLong(heap.group(2));
      }
    }
    Matcher peak = PEAK.matcher(status);
    synchronized (this) {
      samples.add(new Sample(second, Long.parseLong(rss.group(1)), used, committed));
      if (peak.find()) {
        peakKiB = Long.parseLong(peak.group(1));
      }
    }
  }

  synchronized Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    if (samples.isEmpty()) {
      return report;
    }
    report.put("rssMiBAtStart", mib(samples.get(0).rssKiB()));
    report.put("rssMiBMax", mib(samples.stream().mapToLong(Sample::rssKiB).max().orElse(0)));
    report.put("rssMiBAtEnd", mib(samples.get(samples.size() - 1).rssKiB()));
    report.put("peakRssMiB", mib(peakKiB));
    List<Sample> heap = samples.stream().filter(s -> s.heapUsedKiB() != null).toList();
    if (!heap.isEmpty()) {
      report.put("heapUsedMiBMax", mib(heap.stream().mapToLong(Sample::heapUsedKiB).max().orElse(0)));
      report.put("heapUsedMiBAtEnd", mib(heap.get(heap.size() - 1).heapUsedKiB()));
      report.put("heapCommittedMiBMax", mib(heap.stream().mapToLong(Sample::heapCommittedKiB).max().orElse(0)));
    }
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (Sample sample : heap) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("second", sample.second());
      entry.put("rssMiB", mib(sample.rssKiB()));
      entry.put("heapUsedMiB", mib(sample.heapUsedKiB()));
      timeline.add(entry);
    }
    report.put("timeline", timeline);
    return report;
  }

  private String heapInfo() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static long mib(long kib) {
    return Math.round(kib / 1024.0);
  }
}
