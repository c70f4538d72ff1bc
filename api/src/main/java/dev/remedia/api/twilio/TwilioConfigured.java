package dev.remedia.api.twilio;

import dev.remedia.api.config.TwilioSettings;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Twilio's beans and callbacks exist once any Twilio setting is present; {@link TwilioFactory} then
 * refuses to start unless all of them are.
 */
public final class TwilioConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context) {
    return context.getBean(TwilioSettings.class).anySet();
  }
}
