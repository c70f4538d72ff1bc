package dev.remedia.activities.certs;

import dev.remedia.workflows.runbook.FailureType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.util.KeyPairUtils;

/**
 * The ACME account: a persistent key in a file (created once, mode 0600), logged in for each use.
 * Logging in with an existing key finds the same account at the CA, so restarts never make new ones.
 */
final class AcmeAccount {

  static {
    // acme4j signs with BouncyCastle and expects its provider to be installed.
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private final AcmeSettings settings;
  private final SSLContext trust;

  AcmeAccount(AcmeSettings settings) {
    this.settings = settings;
    this.trust = settings.trust() == null ? null : trusting(settings.trust());
  }

  Session session() {
    return new Session(settings.directory(), new TrustingProvider(trust));
  }

  /** Logs in, creating the account at the CA on first use. */
  Login login(Session session) throws AcmeException {
    AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey());
    if (settings.contact() != null) {
      account.addEmail(settings.contact());
    }
    return account.createLogin(session);
  }

  private synchronized KeyPair accountKey() {
    Path file = settings.accountKey();
    try {
      if (Files.exists(file)) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
          return KeyPairUtils.readKeyPair(reader);
        }
      }
      KeyPair key = KeyPairUtils.createKeyPair();
      StringWriter pem = new StringWriter();
      KeyPairUtils.writeKeyPair(key, pem);
      SecretFiles.write(file, pem.toString(), SecretFiles.PRIVATE);
      return key;
    } catch (IOException e) {
      // The account key is configuration: retrying does not make an unreadable file readable.
      throw FailureType.INVALID_INPUT.permanent(
          "cannot read or create the ACME account key " + file + ": " + e.getMessage());
    }
  }

  private static SSLContext trusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("acme-ca-" + i++, (X509Certificate) certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the ACME trust file " + pemFile + ": " + e.getMessage(), e);
    }
  }

  /** The generic provider, trusting the configured CA file when there is one. */
  private static final class TrustingProvider extends GenericAcmeProvider {
    private final SSLContext trust;

    TrustingProvider(SSLContext trust) {
      this.trust = trust;
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
      if (trust == null) {
        return super.createHttpClient(settings);
      }
      return HttpClient.newBuilder()
          .connectTimeout(settings.getTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .sslContext(trust)
          .build();
    }
  }
}
