package dev.remedia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time from Linux's {@code /proc}, taken before and after a phase: the whole machine, Remedia's
 * JVM split by thread name (numbering folded, so {@code GC Thread#0} and {@code GC Thread#1} are one group; Linux keeps
 * only the first 15 characters of a thread's name), the
 * embedded PostgreSQL and this driver. Elsewhere than Linux it reports nothing.
 */
final class CpuSampler {

  /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on. */
  private static final double TICKS = 100.0;

  private final long remediaPid;
  private final int pgPort;

  CpuSampler(long remediaPid, int pgPort) {
    this.remediaPid = remediaPid;
    this.pgPort = pgPort;
  }

  static boolean available() {
    return Files.isReadable(Path.of("/proc/stat"));
  }

  Snapshot snapshot() {
    Snapshot s = new Snapshot();
    s.nanos = System.nanoTime();
    if (!available()) {
      return s;
    }
    long[] machine = machineTicks();
    s.machineBusy = machine[0];
    s.machineTotal = machine[1];
    s.driver = processTicks(ProcessHandle.current().pid());
    if (remediaPid > 0) {
      s.remedia = processTicks(remediaPid);
      s.remediaThreads = threadTicks(remediaPid);
    }
    if (pgPort > 0) {
      s.postgres = postgresTicks();
    }
    s.loadAverage = firstLine(Path.of("/proc/loadavg"));
    return s;
  }

  /** CPU use between two snapshots, in cores (1.0 = one core busy the whole time). */
  static Map<String, Object> between(Snapshot from, Snapshot to) {
    Map<String, Object> report = new LinkedHashMap<>();
    double seconds = (to.nanos - from.nanos) / 1e9;
    if (seconds <= 0 || from.machineTotal == 0) {
      return report;
    }
    report.put("seconds", PhaseResult.round(seconds));
    long total = to.machineTotal - from.machineTotal;
    report.put("machineBusyCores", cores(
        total == 0 ? 0 : (double) (to.machineBusy - from.machineBusy) / total * Runtime.getRuntime().availableProcessors(), 1));
    if (to.remedia >= 0 && from.remedia >= 0) {
      report.put("remediaJvmCores", cores((to.remedia - from.remedia) / TICKS / seconds, 1));
    }
    if (to.postgres >= 0 && from.postgres >= 0) {
      report.put("postgresCores", cores((to.postgres - from.postgres) / TICKS / seconds, 1));
    }
    report.put("driverCores", cores((to.driver - from.driver) / TICKS / seconds, 1));
    if (!to.remediaThreads.isEmpty()) {
      List<Map.Entry<String, Long>> groups = new ArrayList<>();
      to.remediaThreads.forEach(
          (name, ticks) -> groups.add(Map.entry(name, ticks - from.remediaThreads.getOrDefault(name, 0L))));
      groups.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
      Map<String, Object> top = new LinkedHashMap<>();
      for (Map.Entry<String, Long> group : groups.subList(0, Math.min(12, groups.size()))) {
        if (group.getValue() > 0) {
          top.put(group.getKey(), cores(group.getValue() / TICKS / seconds, 2));
        }
      }
      report.put("remediaThreadCores", top);
    }
    report.put("loadAverageAfter", to.loadAverage);
    return report;
  }

  private static double cores(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static final class Snapshot {
    long nanos;
    long machineBusy;
    long machineTotal;
    long driver = -1;
    long remedia = -1;
    long postgres = -1;
    Map<String, Long> remediaThreads = new HashMap<>();
    String loadAverage;
  }

  private static long[] machineTicks() {
    String line = firstLine(Path.of("/proc/stat"));
    if (line == null || !line.startsWith("cpu ")) {
      return new long[] {0, 0};
    }
    String[] fields = line.trim().split("\\s+");
    long total = 0;
    long idle = 0;
    for (int i = 1; i < fields.length && i <= 8; i++) {
      long value = Long.parseLong(fields[i]);
      total += value;
      if (i == 4 || i == 5) {
        idle += value;
      }
    }
    return new long[] {total - idle, total};
  }

  /** utime + stime of a process or thread, or -1 when it is gone. */
  private static long processTicks(long pid) {
    return statTicks(Path.of("/proc/" + pid + "/stat"));
  }

  private static long statTicks(Path stat) {
    String[] fields = statFields(stat);
    return fields == null ? -1 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The fields after the command name: state is [0], ppid [1], utime [11], stime [12]. */
  private static String[] statFields(Path stat) {
    String line = firstLine(stat);
    if (line == null) {
      return null;
    }
    return line.substring(line.lastIndexOf(')') + 2).split(" ");
  }

  private static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> groups = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        String name = firstLine(task.resolve("comm"));
        long ticks = statTicks(task.resolve("stat"));
        if (name != null && ticks >= 0) {
          groups.merge(name.replaceAll("(?<=[-#_])\\d+|\\d+$", "#"), ticks, Long::sum);
        }
      }
    } catch (IOException e) {
      return groups;
    }
    return groups;
  }

  /** The postmaster that listens on the port (its command line names it) and its backends. */
  private long postgresTicks() {
    Map<Long, Long> parentOf = new HashMap<>();
    Map<Long, Long> ticksOf = new HashMap<>();
    Long postmaster = null;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        if (!"postgres".equals(firstLine(process.resolve("comm")))) {
          continue;
        }
        long pid = Long.parseLong(process.getFileName().toString());
        String[] fields = statFields(process.resolve("stat"));
        if (fields == null) {
          continue;
        }
        parentOf.put(pid, Long.parseLong(fields[1]));
        ticksOf.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        String cmdline = readString(process.resolve("cmdline")).replace('\0', ' ');
        if (cmdline.matches(".*-p\\s*" + pgPort + "(\\s.*|$)")) {
          postmaster = pid;
          // Backends that ended during the phase live on in the postmaster's reaped-children times.
          ticksOf.merge(pid, Long.parseLong(fields[13]) + Long.parseLong(fields[14]), Long::sum);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    if (postmaster == null) {
      return -1;
    }
    long total = ticksOf.get(postmaster);
    for (Map.Entry<Long, Long> process : parentOf.entrySet()) {
      if (process.getValue().equals(postmaster)) {
        total += ticksOf.get(process.getKey());
      }
    }
    return total;
  }

  private static String firstLine(Path file) {
    String text = readString(file);
    int newline = text.indexOf('\n');
    return text.isEmpty() ? null : newline < 0 ? text : text.substring(0, newline);
  }

  private static String readString(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
