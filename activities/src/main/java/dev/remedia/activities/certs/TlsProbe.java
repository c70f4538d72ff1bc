package dev.remedia.activities.certs;

import dev.remedia.workflows.certs.ServedCertificate;
import dev.remedia.workflows.runbook.FailureType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** One TLS handshake with SNI, reporting the leaf certificate the endpoint served. */
public final class TlsProbe {

  private final SSLContext context;

  public TlsProbe() {
    try {
      context = SSLContext.getInstance("TLS");
      // Trust everything: the probe reports what is served, including the expired, self-signed or
      // wrongly named certificate a renewal is meant to replace. Nothing is sent over this connection.
      context.init(null, new TrustManager[] {new ReadOnlyTrust()}, new SecureRandom());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  public ServedCertificate probe(String endpoint, String sni, int timeoutSeconds) {
    int colon = endpoint.lastIndexOf(':');
    String host = endpoint.substring(0, colon);
    int port = Integer.parseInt(endpoint.substring(colon + 1));
    int timeoutMillis = timeoutSeconds * 1000;
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        X509Certificate leaf = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        return served(endpoint, leaf);
      }
    } catch (UnknownHostException e) {
      throw FailureType.UNREACHABLE.retryable(endpoint + ": unknown host " + host, null);
    } catch (ConnectException | NoRouteToHostException e) {
      throw FailureType.UNREACHABLE.retryable(endpoint + ": cannot connect: " + e.getMessage(), null);
    } catch (SocketTimeoutException e) {
      throw FailureType.UNREACHABLE.retryable(endpoint + ": no answer within " + timeoutSeconds + " s", null);
    } catch (SSLException e) {
      throw FailureType.TLS_HANDSHAKE_FAILED.permanent(endpoint + ": TLS handshake failed: " + e.getMessage());
    } catch (IOException e) {
      throw FailureType.UNREACHABLE.retryable(endpoint + ": " + e.getMessage(), null);
    }
  }

  static ServedCertificate served(String endpoint, X509Certificate leaf) {
    return new ServedCertificate(
        endpoint,
        leaf.getSubjectX500Principal().getName(),
        dnsNames(leaf),
        leaf.getIssuerX500Principal().getName(),
        serial(leaf),
        leaf.getNotBefore().toInstant(),
        leaf.getNotAfter().toInstant(),
        pem(leaf));
  }

  /** The serial as the verify step compares it: lower-case hex without leading zeros. */
  static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
  }

  private static List<String> dnsNames(X509Certificate leaf) {
    try {
      var names = leaf.getSubjectAlternativeNames();
      if (names == null) {
        return List.of();
      }
      return names.stream().filter(n -> ((Integer) n.get(0)) == 2).map(n -> (String) n.get(1)).toList();
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a certificate that was just decoded", e);
    }
  }

  private static final class ReadOnlyTrust implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
