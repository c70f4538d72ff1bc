package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void aCursorSurvivesItsEncoding() {
    PageCursor cursor = new PageCursor(Instant.parse("2026-11-21T05:06:48.123456Z"), "http-check-a:b");
    assertEquals(cursor, PageCursor.decode(cursor.encode()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "@@@", "bm90IGEgY3Vyc29y", "MTIzOg", "eDp5OnoK", "MTIzLjQ1Njphc2QAeA"})
  void anythingElseIsRefused(String encoded) {
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(encoded));
  }
}
