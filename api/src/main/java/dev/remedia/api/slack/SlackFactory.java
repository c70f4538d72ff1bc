package dev.remedia.api.slack;

import com.slack.api.Slack;
import dev.remedia.activities.slack.SlackClients;
import dev.remedia.activities.approval.slack.SlackApprovalMessenger;
import dev.remedia.activities.paging.slack.SlackPageSender;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.SlackSettings;
import dev.remedia.api.config.TemporalSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Slack settings at start-up and builds the SDK client, and the page sender when a bot token
 * is set.
 */
@Factory
class SlackFactory {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.slack");

  @Context
  @Bean(preDestroy = "close")
  Slack slack(SlackSettings settings, TemporalSettings temporal) {
    check(settings, temporal.devServer());
    LOG.info("Slack: {}", describe(settings));
    return SlackClients.create(settings.apiUrl());
  }

  @Singleton
  @Requires(property = "remedia.slack.bot-token", pattern = ".*\\S.*")
  SlackPageSender slackPageSender(Slack slack, SlackSettings settings) {
    return new SlackPageSender(slack.methods(settings.botToken().strip()));
  }

  /** Approval requests are asked in Slack with the same bot token as pages. */
  @Singleton
  @Requires(property = "remedia.slack.bot-token", pattern = ".*\\S.*")
  SlackApprovalMessenger slackApprovalMessenger(Slack slack, SlackSettings settings) {
    return new SlackApprovalMessenger(slack.methods(settings.botToken().strip()));
  }

  /**
   * Production refuses to page over Slack without the signing secret: the pages' buttons would lead
   * nowhere, and a person clicking Acknowledge would go on being paged.
   */
  static void check(SlackSettings settings, boolean devMode) {
    if (settings.sendsPages() && !settings.verifiesInteractions() && !devMode) {
      throw new StartupFailure(
          "REMEDIA_SLACK_BOT_TOKEN is set but REMEDIA_SLACK_SIGNING_SECRET is not: Slack button clicks could "
              + "not be verified; set the signing secret from the Slack app's Basic Information page",
          null);
    }
  }

  private static String describe(SlackSettings settings) {
    if (!settings.sendsPages() && !settings.verifiesInteractions()) {
      return "not configured (REMEDIA_SLACK_BOT_TOKEN is blank): no Slack pages";
    }
    String api = settings.apiUrl() == null || settings.apiUrl().isBlank() ? SlackClients.DEFAULT_API_URL : settings.apiUrl().strip();
    return (settings.sendsPages() ? "pages through the Web API at " + api : "no pages (REMEDIA_SLACK_BOT_TOKEN is blank)")
        + (settings.verifiesInteractions()
            ? ", button clicks verified with the signing secret"
            : ", button clicks refused (REMEDIA_SLACK_SIGNING_SECRET is blank)");
  }
}
