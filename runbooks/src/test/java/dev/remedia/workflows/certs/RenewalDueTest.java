package dev.remedia.workflows.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.workflows.certs.AcmeActivities.RenewalWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalDueTest {

  // 90 days from January 1st: two thirds have passed on March 2nd.
  private static final ServedCertificate SERVED =
      new ServedCertificate(
          "web.example.org:443", "CN=web.example.org", List.of("web.example.org"), "CN=CA", "a1b",
          Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), "pem");

  @Test
  void withoutAWindowTwoThirdsOfTheLifetimeDecide() {
    assertEquals(false, RenewalDue.of(SERVED, null, at("2026-03-01T00:00:00Z")).due());
    assertEquals(
        new RenewalDue(true, "past two thirds of its lifetime, since 2026-03-02T00:00:00Z"),
        RenewalDue.of(SERVED, null, at("2026-03-03T00:00:00Z")));
  }

  @Test
  void theCasWindowDecidesWhenOfferedEvenPastTwoThirds() {
    RenewalWindow later = new RenewalWindow(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-25T00:00:00Z"));
    RenewalWindow early = new RenewalWindow(Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-12T00:00:00Z"));

    assertEquals(
        new RenewalDue(false, "not due: the CA's renewal window opens 2026-03-20T00:00:00Z"),
        RenewalDue.of(SERVED, later, at("2026-03-10T00:00:00Z")));
    assertEquals(true, RenewalDue.of(SERVED, early, at("2026-01-11T00:00:00Z")).due());
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
