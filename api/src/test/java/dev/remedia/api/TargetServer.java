package dev.remedia.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP endpoint for runs to probe; it can hold its first request to leave a probe in flight. */
public final class TargetServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch firstRequest = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private TargetServer(boolean holdFirstRequest) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            boolean first = requests.incrementAndGet() == 1;
            firstRequest.countDown();
            if (first && holdFirstRequest) {
              release.await(2, TimeUnit.MINUTES);
            }
            exchange.sendResponseHeaders(200, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  public static TargetServer answering() throws IOException {
    return new TargetServer(false);
  }

  public static TargetServer holdingFirstRequest() throws IOException {
    return new TargetServer(true);
  }

  /** {@code http://127.0.0.1:<port>}, to which a test adds any path: every path answers 200. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url() {
    return base() + "/health";
  }

  public int requests() {
    return requests.get();
  }

  public boolean awaitFirstRequest() throws InterruptedException {
    return firstRequest.await(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
