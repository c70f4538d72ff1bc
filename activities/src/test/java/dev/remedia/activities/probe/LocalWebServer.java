package dev.remedia.activities.probe;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTP or HTTPS server on loopback for probe tests. The HTTPS certificate is generated with the
 * JDK's keytool for "localhost", valid for 30 days; {@link #trustingClientContext} trusts only it.
 */
final class LocalWebServer implements AutoCloseable {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final HttpServer server;
  private final KeyStore keyStore;

  private LocalWebServer(HttpServer server, KeyStore keyStore) {
    this.server = server;
    this.keyStore = keyStore;
  }

  /** Answers every request with {@code status} after {@code delayMillis}. */
  static LocalWebServer http(int status, long delayMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    return start(server, null, status, delayMillis);
  }

  static LocalWebServer https(int status) throws IOException, GeneralSecurityException, InterruptedException {
    KeyStore keyStore = generateKeyStore();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return start(server, keyStore, status, 0);
  }

  private static LocalWebServer start(HttpServer server, KeyStore keyStore, int status, long delayMillis) {
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Thread.sleep(delayMillis);
            exchange.sendResponseHeaders(status, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    return new LocalWebServer(server, keyStore);
  }

  String url(String scheme) {
    String host = scheme.equals("https") ? "localhost" : "127.0.0.1";
    return scheme + "://" + host + ":" + server.getAddress().getPort() + "/health";
  }

  SSLContext trustingClientContext() throws GeneralSecurityException {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static KeyStore generateKeyStore()
      throws IOException, GeneralSecurityException, InterruptedException {
    Path directory = Files.createTempDirectory("probe-tls");
    Path file = directory.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    return keyStore;
  }
}
