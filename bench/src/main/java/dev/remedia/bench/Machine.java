package dev.remedia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine a report was measured on, so figures from different machines are not compared blindly. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("cpu", cpuModel());
    machine.put("memoryGiB", memoryGiB());
    machine.put("loadAverageAtStart", firstLine("/proc/loadavg"));
    return machine;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static Long memoryGiB() {
    String line = firstLine("/proc/meminfo");
    if (line == null || !line.startsWith("MemTotal:")) {
      return null;
    }
    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
  }

  private static String firstLine(String file) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.isEmpty() ? null : lines.get(0).trim();
    } catch (IOException e) {
      return null;
    }
  }
}
