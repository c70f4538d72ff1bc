package dev.remedia.api.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.remedia.activities.RootCause;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TemporalSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Temporal: to a configured frontend, or in dev mode to Temporal's test server started
 * in this process (real time, in memory). Connecting fails fast with a readable reason. The SDK's
 * client and worker metrics go into the application's meter registry, for {@code /metrics}.
 */
public final class TemporalConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.temporal");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The SDK counts in memory and hands the counts to the registry this often: cheap, and fresh enough. */
  private static final com.uber.m3.util.Duration METRICS_REPORTED_EVERY = com.uber.m3.util.Duration.ofSeconds(1);

  private final WorkflowServiceStubs stubs;
  private final Scope metrics;
  private final Closeable devServer;
  private final String description;

  private TemporalConnection(WorkflowServiceStubs stubs, Scope metrics, Closeable devServer, String description) {
    this.stubs = stubs;
    this.metrics = metrics;
    this.devServer = devServer;
    this.description = description;
  }

  public static TemporalConnection open(TemporalSettings settings, MeterRegistry registry) {
    Scope metrics =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(METRICS_REPORTED_EVERY);
    try {
      return settings.devServer() ? openDevServer(settings, metrics) : openConfigured(settings, metrics);
    } catch (RuntimeException e) {
      closeQuietly(metrics);
      throw e;
    }
  }

  private static TemporalConnection openConfigured(TemporalSettings settings, Scope metrics) {
    String target = settings.address().strip();
    WorkflowServiceStubs stubs =
        connect(
            target,
            TemporalTls.configure(settings, WorkflowServiceStubsOptions.newBuilder().setMetricsScope(metrics)));
    requireNamespace(stubs, target, settings.namespace());
    String description =
        "Temporal at " + target + ", namespace " + settings.namespace() + (settings.usesTls() ? ", TLS" : "");
    LOG.info("Temporal: connected to {}", description.substring("Temporal at ".length()));
    return new TemporalConnection(stubs, metrics, null, description);
  }

  private static TemporalConnection openDevServer(TemporalSettings settings, Scope metrics) {
    int port = settings.devPort();
    Closeable server;
    try {
      // true = real time: the test server's time skipping would fire every timer at once.
      server = TestServer.createPortBoundServer(port, true);
      DevServerLockLog.install(server);
      DevServerTaskOrder.install(server);
    } catch (RuntimeException e) {
      throw new StartupFailure(
          "Temporal dev server cannot listen on port " + port + " (" + RootCause.message(e) + "); set "
              + "REMEDIA_DEV_TEMPORAL_PORT to a free port, or TEMPORAL_ADDRESS to use a running Temporal",
          e);
    }
    WorkflowServiceStubs stubs =
        connect("127.0.0.1:" + port, WorkflowServiceStubsOptions.newBuilder().setMetricsScope(metrics));
    // The test server binds every interface and has no authentication: say so, it is for dev only.
    String description =
        "in-process Temporal test server on port " + port + ", all interfaces (dev mode: real time, in memory)";
    LOG.info("Temporal: started {}", description);
    return new TemporalConnection(stubs, metrics, server, description);
  }

  private static WorkflowServiceStubs connect(String target, WorkflowServiceStubsOptions.Builder options) {
    try {
      return WorkflowServiceStubs.newConnectedServiceStubs(
          options.setTarget(target).build(), CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      throw new StartupFailure(
          "Temporal at " + target + " is unreachable (" + RootCause.message(e) + "); check TEMPORAL_ADDRESS", e);
    }
  }

  private static void requireNamespace(WorkflowServiceStubs stubs, String target, String namespace) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (RuntimeException e) {
      stubs.shutdownNow();
      throw new StartupFailure(
          "Temporal at " + target + " has no usable namespace '" + namespace + "' (" + RootCause.message(e)
              + "); check TEMPORAL_NAMESPACE",
          e);
    }
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  /** Where Temporal runs, for health details. */
  public String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    stubs.shutdown();
    stubs.awaitTermination(5, TimeUnit.SECONDS);
    closeQuietly(metrics);
    if (devServer != null) {
      devServer.close();
    }
  }

  /** Stops the metrics reporting thread, which would otherwise keep the JVM alive. */
  private static void closeQuietly(Scope metrics) {
    try {
      metrics.close();
    } catch (ScopeCloseException e) {
      LOG.debug("Temporal's metrics scope did not close cleanly", e);
    }
  }
}
