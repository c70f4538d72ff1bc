package dev.remedia.api.temporal;

import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TemporalSettings;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS and mutual TLS to a Temporal frontend (for instance Temporal Cloud) from PEM files. */
final class TemporalTls {

  private TemporalTls() {}

  static WorkflowServiceStubsOptions.Builder configure(
      TemporalSettings settings, WorkflowServiceStubsOptions.Builder options) {
    if (!settings.usesTls()) {
      return options;
    }
    try {
      SimpleSslContextBuilder ssl;
      if (settings.hasClientCertificate()) {
        try (InputStream cert = open(settings.tlsCertFile(), "TEMPORAL_TLS_CERT");
            InputStream key = open(settings.tlsKeyFile(), "TEMPORAL_TLS_KEY")) {
          ssl = SimpleSslContextBuilder.forPKCS8(cert, key);
        }
      } else {
        ssl = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (settings.hasCustomCa()) {
        ssl.setTrustManager(trustManagerFor(settings.tlsCaFile()).getTrustManagers()[0]);
      }
      return options.setSslContext(ssl.build());
    } catch (IOException | GeneralSecurityException e) {
      throw new StartupFailure("Temporal TLS settings are not usable: " + e.getMessage(), e);
    }
  }

  private static InputStream open(String file, String setting) throws IOException {
    if (file == null || file.isBlank()) {
      throw new IOException(setting + " is required with a client certificate");
    }
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new IOException(setting + " names " + file + ", which cannot be read");
    }
    return Files.newInputStream(path);
  }

  private static TrustManagerFactory trustManagerFor(String caFile)
      throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = open(caFile, "TEMPORAL_TLS_CA")) {
      int index = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        trusted.setCertificateEntry("ca-" + index++, ca);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory;
  }
}
