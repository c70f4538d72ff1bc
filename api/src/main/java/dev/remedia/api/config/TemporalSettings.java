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
    @Nullable String tlsCaFile) {

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
