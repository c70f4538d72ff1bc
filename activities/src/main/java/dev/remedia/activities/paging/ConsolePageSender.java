package dev.remedia.activities.paging;

import dev.remedia.activities.store.PageStore;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's channel when Slack or Twilio has no credentials: each page is one log line, and the page
 * row is what people see and answer through the API. Console addresses are names, never numbers.
 */
public final class ConsolePageSender implements PageSender {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.pages");

  private final PageStore pages;

  public ConsolePageSender(PageStore pages) {
    this.pages = pages;
  }

  @Override
  public PageChannel channel() {
    return PageChannel.CONSOLE;
  }

  /** Each person (or Slack channel) gets their own queue, as they would in Slack. */
  @Override
  public String paceKey(OutgoingPage page) {
    return page.address();
  }

  @Override
  public SentMessage send(OutgoingPage page) {
    LOG.info(
        "Page {} to {}: [{}] {}{} (reply code {})",
        page.pageId(), page.address(), page.severity(), page.summary(), link(page), page.replyCode());
    return new SentMessage(page.pageId());
  }

  @Override
  public SentMessage sendRollup(String address, List<OutgoingPage> rolledUp) {
    LOG.info(
        "{} pages to {} in one message: {}",
        rolledUp.size(), address, rolledUp.stream().map(OutgoingPage::pageId).collect(Collectors.joining(", ")));
    return new SentMessage(rolledUp.get(0).pageId());
  }

  /** A console page is delivered once its row exists: that row is what the API lists. */
  @Override
  public Optional<SentMessage> findSent(OutgoingPage page, Instant since) {
    return pages.find(page.pageId()).map(row -> new SentMessage(page.pageId()));
  }

  @Override
  public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) {
    LOG.info("Page {} to {}: {}", page.pageId(), page.address(), settled(settlement));
  }

  @Override
  public boolean rollsUpNotices() {
    return true;
  }

  @Override
  public void settleRollup(String address, List<SettleNotice> notices) {
    LOG.info(
        "{} settle notices to {} in one message: {}",
        notices.size(), address,
        notices.stream()
            .map(notice -> notice.page().pageId() + " " + settled(notice.settlement()))
            .collect(Collectors.joining(", ")));
  }

  private static String settled(Settlement settlement) {
    return settlement.action().name().toLowerCase(Locale.ROOT) + " by " + settlement.by() + " via "
        + settlement.via();
  }

  private static String link(OutgoingPage page) {
    return page.link() == null ? "" : " " + page.link();
  }
}
