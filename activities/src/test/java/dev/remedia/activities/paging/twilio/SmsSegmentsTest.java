package dev.remedia.activities.paging.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void gsmTextsTake160CharactersInOneSegmentAnd153PerSegmentWhenSplit() {
    assertEquals(1, SmsSegments.count(""));
    assertEquals(1, SmsSegments.count("a".repeat(160)));
    assertEquals(2, SmsSegments.count("a".repeat(161)));
    assertEquals(2, SmsSegments.count("a".repeat(306)));
    assertEquals(3, SmsSegments.count("a".repeat(307)));
  }

  @Test
  void gsmExtensionCharactersCountTwice() {
    assertTrue(SmsSegments.isGsm("{€}"));
    assertEquals(1, SmsSegments.count("{".repeat(80)));
    assertEquals(2, SmsSegments.count("€".repeat(81)));
  }

  @Test
  void accentsInTheGsmAlphabetStayGsm() {
    assertTrue(SmsSegments.isGsm("Müller, Ñandù, Ørsted, Ça va"));
    assertFalse(SmsSegments.isGsm("São Paulo"), "ã is not in the GSM alphabet");
  }

  @Test
  void anyOtherCharacterMakesTheWholeTextUcs2With70And67PerSegment() {
    assertFalse(SmsSegments.isGsm("disk “full”"));
    assertEquals(1, SmsSegments.count("ж".repeat(70)));
    assertEquals(2, SmsSegments.count("ж".repeat(71)));
    assertEquals(2, SmsSegments.count("ж".repeat(134)));
    assertEquals(3, SmsSegments.count("ж".repeat(135)));
    assertEquals(2, SmsSegments.count("a".repeat(69) + "ж" + "a"));
  }

  @Test
  void anEmojiTakesTwoUcs2Units() {
    assertEquals(1, SmsSegments.count("🔥".repeat(35)));
    assertEquals(2, SmsSegments.count("🔥".repeat(36)));
  }
}
