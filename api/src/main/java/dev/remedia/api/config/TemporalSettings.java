package dev.remedia.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How to reach Temporal. With no address, dev mode starts Temporal's test server in-process on
 * {@code devPort}.
 *
 * @param address host:port of a Temporal frontend, or blank for the in-process dev server
 * @param tlsCertFile client certificate (PEM) for mutual TLS, with {@code tlsKeyFile}
 * @param tlsKeyFile client private key (PKCS#8 PEM) for mutual TLS
 * @param tlsCaFile CA certificate (PEM) to trust instead of the JVM's defaults
 * @param workflowCacheSize open workflows the worker keeps in memory: every open incident and every
 *     paging escalation is one, and a workflow evicted from the cache replays its whole history on its
 *     next task, so this should exceed the open incidents at the worst storm expected, times two
 * @param maxWorkflowThreads threads for cached workflows; each holds at least one while it waits
 */
@ConfigurationProperties("remedia.temporal")
public record TemporalSettings(
    @Nullable String address,
    @Bindable(defaultValue = "default") String namespace,
    @Bindable(defaultValue = "remedia") String taskQueue,
    @Bindable(defaultValue = "7233") int devPort,
    @Bindable(defaultValue = "false") boolean tls,
    @Nullable String tlsCertFile,
    @Nullable String tlsKeyFile,
    @Nullable String tlsCaFile,
    @Bindable(defaultValue = "2500") int workflowCacheSize,
    @Bindable(defaultValue = "5000") int maxWorkflowThreads) {

  public boolean devServer() {
    return address == null || address.isBlank();
  }

  public boolean usesTls() {
    return tls || hasClientCertificate() || hasCustomCa();
  }

  public boolean hasClientCertificate() {
    return present(tlsCertFile);
  }

  public boolean hasCustomCa() {
    return present(tlsCaFile);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
