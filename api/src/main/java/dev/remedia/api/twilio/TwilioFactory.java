package dev.remedia.api.twilio;

import com.twilio.http.TwilioRestClient;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.twilio.TwilioClients;
import dev.remedia.activities.paging.twilio.TwilioSmsSender;
import dev.remedia.activities.paging.twilio.TwilioVoiceCaller;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TwilioSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS and voice page senders over one Twilio client, when Twilio is configured. A partial
 * configuration stops start-up naming what is missing, rather than paging nobody by SMS unnoticed.
 */
@Factory
@Requires(condition = TwilioConfigured.class)
class TwilioFactory {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.twilio");

  @Context
  TwilioRestClient twilioClient(TwilioSettings settings) {
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new StartupFailure("Twilio is configured only in part: " + String.join("; ", problems), null);
    }
    LOG.info(
        "Twilio: account {}, pages from {}, callbacks at {}{}",
        settings.accountSid(),
        settings.from(),
        settings.publicUrl(),
        settings.apiBase() == null ? "" : ", API at " + settings.apiBase());
    return TwilioClients.create(settings.accountSid(), settings.authToken(), settings.apiBase());
  }

  @Singleton
  @Named("twilio-sms")
  PageSender twilioSms(TwilioRestClient client, TwilioSettings settings) {
    return new TwilioSmsSender(client, settings.from(), settings.publicUrl());
  }

  @Singleton
  @Named("twilio-voice")
  PageSender twilioVoice(TwilioRestClient client, TwilioSettings settings) {
    return new TwilioVoiceCaller(client, settings.from(), settings.publicUrl());
  }
}
