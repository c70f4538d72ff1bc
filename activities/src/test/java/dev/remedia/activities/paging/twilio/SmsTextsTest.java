package dev.remedia.activities.paging.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.activities.paging.SettleNotice;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextsTest {

  @Test
  void typographicPunctuationIsReplacedSoTheTextStaysGsm() {
    String text = SmsTexts.page(page("“Disk” full – it’s at 99%…\n\tdb-1"));

    assertEquals("[Remedia] CRITICAL: \"Disk\" full - it's at 99%... db-1 Reply ACK 4821 or RESOLVE 4821", text);
    assertTrue(SmsSegments.isGsm(text));
  }

  @Test
  void aSummaryInAnotherAlphabetIsShortenedToTwoUcs2Segments() {
    String text = SmsTexts.page(page("Диск заполнен на сервере базы данных ".repeat(6)));

    assertEquals(2, SmsSegments.count(text));
    assertTrue(text.startsWith("[Remedia] CRITICAL: Диск заполнен"), text);
    assertTrue(text.endsWith("... Reply ACK 4821 or RESOLVE 4821"), text);
  }

  @Test
  void aPageWithoutSeverityOrSummaryStillCarriesItsReplyCode() {
    OutgoingPage bare = new OutgoingPage("p", PageChannel.SMS, "+15558675310", "Alice", "i", null, null, null, "4821");

    assertEquals("[Remedia] (no summary) Reply ACK 4821 or RESOLVE 4821", SmsTexts.page(bare));
  }

  @Test
  void aResolutionNoticeSaysWhoResolvedItAndHow() {
    Settlement resolved = new Settlement(SettleAction.RESOLVE, "alertmanager", "alertmanager", 0, false);

    assertEquals(
        "[Remedia] Resolved by alertmanager via alertmanager: Disk full", SmsTexts.settled(page("Disk full"), resolved));
  }

  @Test
  void aBurstOfSettlementsNamesWhoSettledThemMostFirstInOneSegment() {
    List<SettleNotice> notices = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String who = i < 30 ? "alice" : "responder-with-a-rather-long-name-" + (i % 5);
      notices.add(
          new SettleNotice(
              page("Disk full"), new SentMessage("SM" + i), new Settlement(SettleAction.ACKNOWLEDGE, who, "api", 0, false)));
    }

    String text = SmsTexts.settledRollup(notices);

    assertTrue(text.startsWith("[Remedia] 40 incidents paging you were settled: 30 acknowledged by alice, 2 acknowledged by"), text);
    assertTrue(text.endsWith(" and more."), text);
    assertEquals(1, SmsSegments.count(text), text);
  }

  private static OutgoingPage page(String summary) {
    return TwilioTestData.page(PageChannel.SMS, "page-1", summary, "4821");
  }
}
