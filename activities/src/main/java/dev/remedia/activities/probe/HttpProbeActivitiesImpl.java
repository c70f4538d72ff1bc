package dev.remedia.activities.probe;

import dev.remedia.workflows.probe.HttpProbeActivities;
import dev.remedia.workflows.runbook.FailureType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Probes with the JDK's HTTP client; one request per attempt, redirects reported, not followed. */
public final class HttpProbeActivitiesImpl implements HttpProbeActivities {

  private final HttpClient client;

  public HttpProbeActivitiesImpl(HttpClient client) {
    this.client = client;
  }

  public static HttpProbeActivitiesImpl withDefaultClient() {
    return new HttpProbeActivitiesImpl(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  @Override
  public HttpProbeResult probe(HttpProbeRequest request) {
    HttpRequest httpRequest =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(Duration.ofSeconds(request.timeoutSeconds()))
            .header("User-Agent", "Remedia http-check")
            .GET()
            .build();
    long started = System.nanoTime();
    HttpResponse<Void> response = send(httpRequest);
    long latencyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    checkStatus(response.statusCode(), request.expectedStatus());
    return new HttpProbeResult(
        response.statusCode(),
        latencyMillis,
        response.sslSession().map(HttpProbeActivitiesImpl::leafCertificate).orElse(null));
  }

  private HttpResponse<Void> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (SSLException e) {
      throw FailureType.TLS_HANDSHAKE_FAILED.permanent("TLS handshake failed: " + e.getMessage());
    } catch (HttpTimeoutException e) {
      throw FailureType.UNREACHABLE.retryable("no answer within the time limit", e);
    } catch (ConnectException e) {
      throw FailureType.UNREACHABLE.retryable("cannot connect: " + describe(e), e);
    } catch (IOException e) {
      throw FailureType.UNREACHABLE.retryable("request failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureType.UNREACHABLE.retryable("probe interrupted", e);
    }
  }

  private static void checkStatus(int status, Integer expected) {
    if (expected != null && status == expected) {
      return;
    }
    if (status >= 500 || status == 429) {
      throw FailureType.SERVER_ERROR.retryable("server answered HTTP " + status, null);
    }
    if (expected != null) {
      throw FailureType.UNEXPECTED_STATUS.permanent(
          "expected HTTP " + expected + " but got HTTP " + status);
    }
    if (status >= 400) {
      throw FailureType.UNEXPECTED_STATUS.permanent("server answered HTTP " + status);
    }
  }

  private static TlsCertificate leafCertificate(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      X509Certificate leaf = (X509Certificate) chain[0];
      return new TlsCertificate(
          leaf.getSubjectX500Principal().getName(),
          leaf.getIssuerX500Principal().getName(),
          leaf.getNotAfter().toInstant());
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  // The JDK's client often hides the reason in a cause, or gives none for a refused connection.
  private static String describe(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (current instanceof UnknownHostException || current instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (current.getMessage() != null && !current.getMessage().isBlank()) {
        return current.getMessage();
      }
    }
    return error instanceof ConnectException ? "connection refused" : error.getClass().getSimpleName();
  }
}
