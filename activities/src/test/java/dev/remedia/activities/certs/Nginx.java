package dev.remedia.activities.certs;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.util.List;

/** Debian's nginx serving TLS on a free loopback port from a key and chain file, as the deploy writes them. */
public final class Nginx implements AutoCloseable {

  public final Path directory;
  public final Path key;
  public final Path chain;
  public final Path config;
  public final int port;
  public final X509Certificate initial;
  private final Process process;

  public Nginx(Path directory, String serverName) throws Exception {
    Path nginx = RealComponents.require("/usr/sbin/nginx", "nginx");
    this.directory = directory;
    Files.createDirectories(directory.resolve("logs"));
    key = directory.resolve("certs/web.key");
    chain = directory.resolve("certs/web.crt");
    // The certificate the renewal replaces: self-signed, 70 days into 90.
    initial =
        TestCertificates.selfSigned(
            serverName, BigInteger.valueOf(0x0a1b), Duration.ofDays(70), Duration.ofDays(90), chain, key);
    port = RealComponents.freePort();
    config = directory.resolve("nginx.conf");
    Files.writeString(
        config,
        """
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          server {
            listen 127.0.0.1:%2$d ssl;
            server_name %3$s;
            ssl_certificate %4$s;
            ssl_certificate_key %5$s;
            location / { return 200 "ok"; }
          }
        }
        """
            .formatted(directory, port, serverName, chain, key));
    Path log = directory.resolve("logs/stdout.log");
    process =
        new ProcessBuilder(
                "/usr/sbin/nginx", "-p", directory.toString(), "-e", directory + "/logs/error.log", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    RealComponents.awaitListening(port, Duration.ofSeconds(20), process, directory.resolve("logs/error.log"));
  }

  /** The command that makes this nginx reread its configuration and certificates. */
  public List<String> reloadCommand() {
    return List.of("/usr/sbin/nginx", "-p", directory.toString(), "-e", directory + "/logs/error.log", "-c", config.toString(), "-s", "reload");
  }

  @Override
  public void close() throws Exception {
    RealComponents.stop(process);
  }
}
