package dev.remedia.activities.paging.slack;

import com.slack.api.model.Message;
import dev.remedia.activities.paging.OutgoingPage;
import java.util.List;
import java.util.Map;

/**
 * The message metadata that marks what Remedia sent: it lets a retry after a crash find a page that
 * went out but whose outcome was never recorded, instead of sending it twice.
 */
final class SlackPageMetadata {

  static final String PAGE_EVENT = "remedia_page";
  static final String ROLLUP_EVENT = "remedia_rollup";

  private SlackPageMetadata() {}

  static Message.Metadata page(OutgoingPage page) {
    return new Message.Metadata(PAGE_EVENT, Map.of("page_id", page.pageId()));
  }

  /** Slack's payload values are scalars, objects or lists of objects, so each page is an object. */
  static Message.Metadata rollup(List<OutgoingPage> pages) {
    return new Message.Metadata(
        ROLLUP_EVENT, Map.of("pages", pages.stream().map(page -> Map.of("page_id", page.pageId())).toList()));
  }

  /** Whether {@code message} is the page itself (not a rollup) with this id. */
  static boolean isPage(Message message, String pageId) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && PAGE_EVENT.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && pageId.equals(metadata.getEventPayload().get("page_id"));
  }

  /** Whether {@code message} is a rollup that stands for the page with this id. */
  static boolean isRollupOf(Message message, String pageId) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && ROLLUP_EVENT.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && metadata.getEventPayload().get("pages") instanceof List<?> pages
        && pages.stream().anyMatch(page -> page instanceof Map<?, ?> fields && pageId.equals(fields.get("page_id")));
  }
}
