package dev.remedia.activities.certs;

import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.AcmeOrderStore.StoredOrder;
import dev.remedia.activities.store.ChallengeStore;
import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.certs.ChallengeType;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.util.KeyPairUtils;

/**
 * Orders certificates with acme4j. Each run's order is stored (URL and new key) before anything is
 * asked of the CA that cannot be asked twice, so an attempt that died is resumed, not repeated.
 */
public final class AcmeActivitiesImpl implements AcmeActivities {

  private final AcmeAccount account;
  private final AcmeOrderStore orders;
  private final List<ChallengeResponder> responders;
  private final Duration validationTimeout;
  private final Clock clock;
  private final boolean dnsHookConfigured;

  public AcmeActivitiesImpl(AcmeSettings settings, AcmeOrderStore orders, ChallengeStore challenges, Clock clock) {
    this.account = new AcmeAccount(settings);
    this.orders = orders;
    this.validationTimeout = settings.validationTimeout();
    this.clock = clock;
    this.responders =
        List.of(
            settings.webroot() == null
                ? new Http01StoreResponder(challenges, clock)
                : new Http01WebrootResponder(settings.webroot()),
            new Dns01HookResponder(settings.dnsHook()));
    this.dnsHookConfigured = !settings.dnsHook().isEmpty();
  }

  @Override
  public RenewalWindow renewalWindow(String leafPem) {
    try {
      Session session = account.session();
      if (session.resourceUrlOptional(Resource.RENEWAL_INFO).isEmpty()) {
        return null;
      }
      RenewalInfo info = account.login(session).bindRenewalInfo(certificate(leafPem));
      return new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd());
    } catch (AcmeException e) {
      throw classified(e);
    }
  }

  @Override
  public IssuedCertificate order(OrderRequest request) {
    if (request.challenge() == ChallengeType.DNS_01 && !dnsHookConfigured) {
      throw FailureType.INVALID_INPUT.permanent(
          "challenge DNS_01 needs certificates.acme.dns-hook in the operator configuration");
    }
    Optional<StoredOrder> stored = orders.find(request.runId());
    if (stored.isPresent() && stored.get().chainPem() != null) {
      return issued(stored.get().chainPem());
    }
    try {
      Login login = account.login(account.session());
      Order order = null;
      KeyPair key = null;
      if (stored.isPresent() && stored.get().keyPem() != null) {
        order = login.bindOrder(new URL(stored.get().orderUrl()));
        order.fetch();
        key = KeyPairUtils.readKeyPair(new StringReader(stored.get().keyPem()));
      }
      if (order == null || order.getStatus() == Status.INVALID) {
        // A new order with a new key, saved before the CA is asked to validate anything.
        key = KeyPairUtils.createKeyPair();
        order = login.newOrder().domains(request.domains()).create();
        orders.ordered(request.runId(), order.getLocation().toString(), pem(key), clock.instant());
      }
      for (Authorization authorization : order.getAuthorizations()) {
        authorize(request, authorization);
      }
      if (order.getStatus() != Status.VALID) {
        Status ready = order.waitUntilReady(validationTimeout);
        if (ready == Status.READY) {
          order.execute(key);
        }
        Status done = order.waitForCompletion(validationTimeout);
        if (done != Status.VALID) {
          throw FailureType.SERVER_ERROR.retryable(
              "the CA did not issue the order (" + done + problem(order.getError()) + ")", null);
        }
      }
      Certificate certificate = order.getCertificate();
      StringWriter chain = new StringWriter();
      certificate.writeCertificate(chain);
      orders.issued(request.runId(), chain.toString());
      return issued(chain.toString());
    } catch (AcmeException e) {
      throw classified(e);
    } catch (IOException e) {
      throw FailureType.UNREACHABLE.retryable("ACME: " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureType.UNREACHABLE.retryable("interrupted while waiting for the CA", null);
    }
  }

  private void authorize(OrderRequest request, Authorization authorization)
      throws AcmeException, InterruptedException, IOException {
    if (authorization.getStatus() == Status.VALID) {
      return;
    }
    String domain = authorization.getIdentifier().getDomain();
    String type = request.challenge() == ChallengeType.DNS_01 ? "dns-01" : "http-01";
    ChallengeResponder responder =
        responders.stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    Challenge challenge =
        authorization
            .findChallenge(type)
            .orElseThrow(() -> FailureType.CHALLENGE_FAILED.permanent(domain + ": the CA offers no " + type + " challenge"));
    try {
      responder.present(request.runId(), domain, challenge);
      if (challenge.getStatus() == Status.PENDING) {
        challenge.trigger();
      }
      Status status = challenge.waitForCompletion(validationTimeout);
      if (status == Status.INVALID) {
        throw FailureType.CHALLENGE_FAILED.permanent(
            domain + ": " + type + " challenge invalid" + problem(challenge.getError()));
      }
      if (status != Status.VALID) {
        throw FailureType.SERVER_ERROR.retryable(
            domain + ": " + type + " challenge still " + status + " after " + validationTimeout.toSeconds() + " s", null);
      }
    } catch (Dns01HookResponder.HookFailedException e) {
      throw FailureType.CHALLENGE_FAILED.retryable(e.getMessage(), null);
    } catch (ApplicationFailure | AcmeException | InterruptedException | IOException e) {
      throw e;
    } catch (Exception e) {
      throw FailureType.CHALLENGE_FAILED.retryable(domain + ": cannot present the challenge: " + e.getMessage(), null);
    } finally {
      cleanupQuietly(responder, domain, challenge);
    }
  }

  private static void cleanupQuietly(ChallengeResponder responder, String domain, Challenge challenge) {
    try {
      responder.cleanup(domain, challenge);
    } catch (Exception e) {
      // A leftover token or TXT record is harmless: the CA never accepts it twice.
    }
  }

  /** Network trouble, rate limits and the CA's own errors are transient; a refusal of the request is not. */
  private static ApplicationFailure classified(AcmeException e) {
    if (e instanceof AcmeNetworkException) {
      return FailureType.UNREACHABLE.retryable("cannot reach the ACME server: " + e.getMessage(), null);
    }
    if (e instanceof AcmeRateLimitedException) {
      return FailureType.SERVER_ERROR.retryable("the CA is rate limiting: " + e.getMessage(), null);
    }
    if (e instanceof AcmeServerException server) {
      String type = server.getType() == null ? "" : server.getType().toString();
      if (type.endsWith(":serverInternal") || type.endsWith(":badNonce")) {
        return FailureType.SERVER_ERROR.retryable("the CA answered: " + e.getMessage(), null);
      }
      return FailureType.INVALID_INPUT.permanent("the CA refused: " + e.getMessage());
    }
    return FailureType.SERVER_ERROR.retryable("ACME: " + e.getMessage(), null);
  }

  private static IssuedCertificate issued(String chainPem) {
    try {
      List<X509Certificate> chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new java.io.ByteArrayInputStream(chainPem.getBytes()))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      X509Certificate leaf = chain.get(0);
      return new IssuedCertificate(
          TlsProbe.serial(leaf), leaf.getIssuerX500Principal().getName(), leaf.getNotAfter().toInstant(), chain.size());
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException("the stored chain is not PEM certificates", e);
    }
  }

  private static X509Certificate certificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes()));
    } catch (java.security.cert.CertificateException e) {
      throw FailureType.INVALID_INPUT.permanent("the served certificate cannot be read: " + e.getMessage());
    }
  }

  private static String pem(KeyPair key) throws IOException {
    StringWriter out = new StringWriter();
    KeyPairUtils.writeKeyPair(key, out);
    return out.toString();
  }

  private static String problem(Optional<org.shredzone.acme4j.Problem> problem) {
    return problem.map(p -> ": " + p.getDetail().orElse(p.getType().toString())).orElse("");
  }
}
