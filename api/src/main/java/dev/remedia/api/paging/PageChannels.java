package dev.remedia.api.paging;

import dev.remedia.activities.paging.PageSender;
import dev.remedia.workflows.paging.PageChannel;
import java.util.Map;

/** The channels pages can go out on, each with its sender. */
record PageChannels(Map<PageChannel, PageSender> senders) {

  PageChannels {
    senders = Map.copyOf(senders);
  }
}
