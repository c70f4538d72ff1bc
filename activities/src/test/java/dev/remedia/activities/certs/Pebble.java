package dev.remedia.activities.certs;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Pebble (Let's Encrypt's test CA) with pebble-challtestsrv as its DNS server, which resolves
 * every name to 127.0.0.1 and serves the TXT records its management API is given. Pebble validates
 * HTTP-01 on {@code httpPort} of 127.0.0.1, wherever the test answers challenges.
 */
public final class Pebble implements AutoCloseable {

  public final Path directory;
  public final Path trust;
  public final int acmePort;
  public final int challtestManagementPort;
  private final List<Process> processes = new ArrayList<>();

  /**
   * @param realistic leaves Pebble's random validation delay and its nonce rejections on, as a real
   *     CA's delays and retries; otherwise validation is immediate and no nonce is refused
   */
  public Pebble(Path directory, int httpPort, boolean realistic) throws Exception {
    this.directory = directory;
    Path pebble = RealComponents.require("/usr/bin/pebble", "pebble");
    Path challtestsrv = RealComponents.require("/usr/bin/pebble-challtestsrv", "pebble");
    Files.createDirectories(directory);
    trust = directory.resolve("pebble-tls.pem");
    TestCertificates.selfSigned(
        "localhost", BigInteger.valueOf(System.nanoTime()), Duration.ofDays(1), Duration.ofDays(30), trust,
        directory.resolve("pebble-tls.key"));
    acmePort = RealComponents.freePort();
    int dnsPort = RealComponents.freePort();
    challtestManagementPort = RealComponents.freePort();
    Files.writeString(
        directory.resolve("pebble.json"),
        """
        {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
          "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
          "ocspResponderURL": "", "externalAccountBindingRequired": false}}
        """
            .formatted(
                acmePort, RealComponents.freePort(), trust, directory.resolve("pebble-tls.key"), httpPort,
                RealComponents.freePort()));
    start(
        "challtestsrv",
        List.of(
            challtestsrv.toString(), "-dns01", "127.0.0.1:" + dnsPort, "-http01", "", "-https01", "",
            "-tlsalpn01", "", "-management", "127.0.0.1:" + challtestManagementPort, "-defaultIPv6", ""),
        Map.of(),
        challtestManagementPort);
    start(
        "pebble",
        List.of(pebble.toString(), "-config", directory.resolve("pebble.json").toString(), "-dnsserver", "127.0.0.1:" + dnsPort),
        realistic ? Map.of() : Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0"),
        acmePort);
  }

  public URI directoryUrl() {
    return URI.create("https://127.0.0.1:" + acmePort + "/dir");
  }

  /** Stops the CA (its DNS server keeps running), so it can be down for a test. */
  public void stopCa() throws InterruptedException {
    RealComponents.stop(processes.get(processes.size() - 1));
  }

  private void start(String name, List<String> command, Map<String, String> environment, int port) throws Exception {
    Path log = directory.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    processes.add(process);
    RealComponents.awaitListening(port, Duration.ofSeconds(20), process, log);
  }

  @Override
  public void close() throws Exception {
    for (Process process : processes) {
      RealComponents.stop(process);
    }
  }
}
