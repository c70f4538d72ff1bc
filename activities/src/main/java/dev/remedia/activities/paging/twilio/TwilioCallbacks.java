package dev.remedia.activities.paging.twilio;

/**
 * The paths Twilio calls back on, shared by the adapters that hand them to Twilio and the controllers
 * that serve them. Twilio signs the full URL it calls, so both sides must build it the same way.
 */
public final class TwilioCallbacks {

  /** Incoming texts: the messaging webhook of the Twilio number. */
  public static final String SMS = "/twilio/sms";
  public static final String SMS_STATUS = "/twilio/status";
  public static final String VOICE_GATHER = "/twilio/voice/gather";
  public static final String VOICE_STATUS = "/twilio/voice/status";

  private TwilioCallbacks() {}

  /** The public base URL (with or without a trailing slash) joined to a callback path. */
  public static String url(String publicUrl, String path) {
    return publicUrl.replaceAll("/+$", "") + path;
  }
}
