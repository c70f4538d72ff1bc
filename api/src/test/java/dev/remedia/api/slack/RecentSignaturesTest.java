package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Replays within the window are caught; memory stays bounded by expiry and by capacity. */
class RecentSignaturesTest {

  private static final long NOW = 1_750_000_000L;

  @Test
  void aSignatureIsAcceptedOnce() {
    RecentSignatures recent = new RecentSignatures(10);

    assertTrue(recent.firstSighting("v0=aa", NOW, NOW));
    assertFalse(recent.firstSighting("v0=aa", NOW, NOW + 299));
    assertTrue(recent.firstSighting("v0=bb", NOW, NOW));
  }

  @Test
  void aSignatureWhoseTimestampLeftTheWindowIsForgotten() {
    RecentSignatures recent = new RecentSignatures(10);
    recent.firstSighting("v0=aa", NOW, NOW);

    // By then the timestamp check refuses the request as stale, so forgetting it opens no replay.
    assertTrue(recent.firstSighting("v0=aa", NOW, NOW + 301));
  }

  @Test
  void atCapacityTheOldestIsForgottenFirst() {
    RecentSignatures recent = new RecentSignatures(2);
    recent.firstSighting("v0=aa", NOW, NOW);
    recent.firstSighting("v0=bb", NOW, NOW);
    recent.firstSighting("v0=cc", NOW, NOW);

    assertFalse(recent.firstSighting("v0=cc", NOW, NOW));
    assertTrue(recent.firstSighting("v0=aa", NOW, NOW));
  }
}
