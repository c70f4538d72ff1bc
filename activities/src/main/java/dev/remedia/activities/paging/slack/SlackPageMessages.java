package dev.remedia.activities.paging.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.remedia.activities.slack.SlackText.escape;
import static dev.remedia.activities.slack.SlackText.escapeUrl;
import static dev.remedia.activities.slack.SlackText.truncate;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Block Kit messages of a page: what the person sees, within Slack's limits. Summaries come from
 * monitors, so they are escaped: an alert must not be able to ping {@code <!channel>}.
 */
final class SlackPageMessages {

  static final String ACKNOWLEDGE_ACTION = "page.acknowledge";
  static final String RESOLVE_ACTION = "page.resolve";

  /** Rows listed in a rollup; the rest are counted. 10 rows + header + count stay far below 50 blocks. */
  static final int ROLLUP_ROWS = 10;

  private static final int HEADER_CHARS = 150;
  private static final int SECTION_CHARS = 3000;
  private static final int FALLBACK_CHARS = 3000;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SlackPageMessages() {}

  static List<LayoutBlock> page(OutgoingPage page) {
    return List.of(
        headerOf(page),
        details(page),
        actions(
            List.of(
                pageButton("Acknowledge", ACKNOWLEDGE_ACTION, page.pageId(), "primary"),
                pageButton("Resolve", RESOLVE_ACTION, page.pageId(), null))));
  }

  /** The page as it stays after it was settled: the buttons gone, who settled it how and when. */
  static List<LayoutBlock> settled(OutgoingPage page, Settlement settlement) {
    return List.of(
        headerOf(page), details(page), context(List.of(markdownText(escape(settlementLine(settlement))))));
  }

  static List<LayoutBlock> rollup(List<OutgoingPage> pages) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(rollupTitle(pages)))));
    for (OutgoingPage page : pages.subList(0, Math.min(ROLLUP_ROWS, pages.size()))) {
      blocks.add(
          section(
              s ->
                  s.text(markdownText(truncate(line(page), SECTION_CHARS)))
                      .accessory(pageButton("Acknowledge", ACKNOWLEDGE_ACTION, page.pageId(), "primary"))));
    }
    if (pages.size() > ROLLUP_ROWS) {
      blocks.add(context(List.of(markdownText("and " + (pages.size() - ROLLUP_ROWS) + " more in Remedia"))));
    }
    return blocks;
  }

  /** The plain text Slack shows in notifications and where blocks cannot be shown. */
  static String text(OutgoingPage page) {
    return truncate(escape(headline(page)) + linkSuffix(page), FALLBACK_CHARS);
  }

  static String settledText(OutgoingPage page, Settlement settlement) {
    return truncate(escape(headline(page) + " — " + settlementLine(settlement)), FALLBACK_CHARS);
  }

  static String rollupText(List<OutgoingPage> pages) {
    return truncate(
        rollupTitle(pages) + ": " + pages.stream().map(p -> escape(p.summary())).collect(Collectors.joining("; ")),
        FALLBACK_CHARS);
  }

  /** "Acknowledged by Alice via sms at 14:02 UTC"; a monitor's resolution does not repeat its name. */
  private static String settlementLine(Settlement settlement) {
    String verb = settlement.action() == SettleAction.ACKNOWLEDGE ? "Acknowledged" : "Resolved";
    String via =
        settlement.via() == null || settlement.via().equals(settlement.by()) ? "" : " via " + settlement.via();
    return verb + " by " + settlement.by() + via + " at " + CLOCK.format(Instant.ofEpochMilli(settlement.atMillis()));
  }

  private static LayoutBlock headerOf(OutgoingPage page) {
    String severity = severity(page);
    return header(h -> h.text(plainText(truncate(severity.isEmpty() ? "Incident" : severity + " incident", HEADER_CHARS))));
  }

  private static LayoutBlock details(OutgoingPage page) {
    String link = page.link() == null ? "" : "\n<" + escapeUrl(page.link()) + "|Open the incident in Remedia>";
    return section(s -> s.text(markdownText(truncate(escape(page.summary()), SECTION_CHARS - link.length()) + link)));
  }

  private static ButtonElement pageButton(String label, String actionId, String pageId, String style) {
    return button(b -> b.text(plainText(label)).actionId(actionId).value(pageId).style(style));
  }

  private static String headline(OutgoingPage page) {
    String severity = severity(page);
    return severity.isEmpty() ? page.summary() : severity + ": " + page.summary();
  }

  private static String line(OutgoingPage page) {
    String severity = severity(page);
    String link = page.link() == null ? "" : " <" + escapeUrl(page.link()) + "|open>";
    return (severity.isEmpty() ? "" : "*" + severity + "* ") + escape(page.summary()) + link;
  }

  /** The severity as shown ("CRITICAL"), or empty when the alert had none. */
  private static String severity(OutgoingPage page) {
    return page.severity() == null ? "" : page.severity().strip().toUpperCase(Locale.ROOT);
  }

  private static String rollupTitle(List<OutgoingPage> pages) {
    return pages.size() + (pages.size() == 1 ? " more incident" : " more incidents");
  }

  private static String linkSuffix(OutgoingPage page) {
    return page.link() == null ? "" : " " + escapeUrl(page.link());
  }
}
