package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ApiTokenStoreTest {

  private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

  private final ApiTokenStore tokens = new ApiTokenStore(TestDatabases.shared().dsl());

  @Test
  void aTokenIsFoundByTheHashOfItsValueAndNeverHoldsTheValue() {
    String name = "ci-" + UUID.randomUUID();
    StoredApiToken token = token(name, "operator", "alice");
    String hash = hash();

    assertTrue(tokens.create(token, hash));

    StoredApiToken found = tokens.findByHash(hash).orElseThrow();
    assertEquals(token, found);
    assertFalse(found.revoked());
    assertTrue(tokens.list().contains(token));
    assertTrue(tokens.findByHash(hash()).isEmpty());
  }

  @Test
  void aNameIsUniqueAmongLiveTokensAndFreedByRevoking() {
    String name = "bot-" + UUID.randomUUID();
    StoredApiToken first = token(name, "viewer", null);
    assertTrue(tokens.create(first, hash()));

    assertFalse(tokens.create(token(name, "admin", null), hash()), "a second live token with the same name");

    Instant revokedAt = CREATED.plusSeconds(60);
    StoredApiToken revoked = tokens.revoke(first.id(), revokedAt).orElseThrow();
    assertEquals(revokedAt, revoked.revokedAt());
    assertEquals(revokedAt, tokens.revoke(first.id(), revokedAt.plusSeconds(5)).orElseThrow().revokedAt(),
        "revoking again keeps the first time");
    assertTrue(tokens.create(token(name, "viewer", null), hash()), "the name is free once revoked");
  }

  @Test
  void revokingAnUnknownTokenFindsNothing() {
    assertTrue(tokens.revoke(UUID.randomUUID(), CREATED).isEmpty());
  }

  @Test
  void useIsRecorded() {
    StoredApiToken token = token("used-" + UUID.randomUUID(), "viewer", null);
    tokens.create(token, hash());
    assertNull(tokens.find(token.id()).orElseThrow().lastUsedAt());

    Instant used = CREATED.plusSeconds(120);
    tokens.touch(token.id(), used);

    assertEquals(used, tokens.find(token.id()).orElseThrow().lastUsedAt());
  }

  private static StoredApiToken token(String name, String role, String person) {
    return new StoredApiToken(UUID.randomUUID(), name, role, person, CREATED, "token:admin-token", null, null);
  }

  /** A stand-in for a SHA-256 in hex: 64 hex digits, unique per call. */
  private static String hash() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
