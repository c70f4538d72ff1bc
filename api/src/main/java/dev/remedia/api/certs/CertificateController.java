package dev.remedia.api.certs;

import dev.remedia.activities.store.CertificateStore;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.runbooks.certrenewal.CertRenewalInput;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;

/** Every endpoint Remedia has probed, with what it serves and how many days that has left. */
@Controller("/api/certificates")
@ExecuteOn(TaskExecutors.BLOCKING)
class CertificateController {

  private final CertificateStore certificates;
  private final Clock clock = Clock.systemUTC();

  CertificateController(CertificateStore certificates) {
    this.certificates = certificates;
  }

  /** Soonest expiry first. */
  @Get
  List<CertificateView> all() {
    return certificates.all().stream().map(c -> CertificateView.of(c, clock.instant())).toList();
  }

  @Get("/{endpoint}")
  CertificateView one(@PathVariable String endpoint) {
    String key;
    try {
      key = CertRenewalInput.validEndpoint(endpoint);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
    return certificates
        .find(key)
        .map(c -> CertificateView.of(c, clock.instant()))
        .orElseThrow(() -> ApiProblem.notFound("no certificate known for " + key + "; GET /api/certificates lists them"));
  }
}
