package dev.remedia.api.paging;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.paging.ConsolePageSender;
import dev.remedia.activities.paging.Pacing;
import dev.remedia.activities.paging.PageAnswerService;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.PagingActivitiesImpl;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.workflows.paging.PageChannel;
import io.micronaut.context.annotation.Factory;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts paging together: the channels that are configured, the console in dev mode for the rest, the
 * activities the escalation workflow calls, and the service the Slack and Twilio callbacks answer
 * through.
 */
@Factory
class PagingFactory {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.paging");

  @Singleton
  PagingStores pagingStores(DSLContext dsl) {
    return PagingStores.of(dsl);
  }

  /**
   * Every configured channel by kind. In dev mode the console stands in for channels without
   * credentials, so the whole ladder can be tried locally; in production those contacts are skipped,
   * and the incident's notes say so.
   */
  @Singleton
  PageChannels pageChannels(List<PageSender> configured, TemporalSettings temporal, PagingStores stores) {
    Map<PageChannel, PageSender> senders = new EnumMap<>(PageChannel.class);
    for (PageSender sender : configured) {
      senders.put(sender.channel(), sender);
    }
    if (temporal.devServer()) {
      senders.put(PageChannel.CONSOLE, new ConsolePageSender(stores.pages()));
    }
    LOG.info(
        "Paging channels: {}{}",
        senders.keySet(),
        temporal.devServer() ? " (dev mode: the console stands in for unconfigured channels)" : "");
    return new PageChannels(senders);
  }

  @Singleton
  PagingActivitiesImpl pagingActivities(
      OperatorConfig config, PagingStores stores, PageChannels channels, RemediaCounters counters) {
    return new PagingActivitiesImpl(
        config::onCall, stores, channels.senders(), Pacing.STANDARD, counters, Clock.systemUTC());
  }

  @Singleton
  PageAnswers pageAnswers(
      WorkflowClient temporal,
      OperatorConfig config,
      PagingStores stores,
      IncidentStore incidents,
      RemediaCounters counters) {
    return new PageAnswerService(temporal, config::onCall, stores, incidents, counters, Clock.systemUTC());
  }
}
