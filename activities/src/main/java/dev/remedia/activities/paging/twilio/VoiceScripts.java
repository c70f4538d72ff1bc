package dev.remedia.activities.paging.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import dev.remedia.activities.paging.OutgoingPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a paging call says (TwiML, built with the SDK): the page, then one key press, sent to {@code
 * /twilio/voice/gather?page=<id>}. A call whose key press is not 1 or 2 gets one more chance.
 */
public final class VoiceScripts {

  private static final String KEYS = "Press 1 to acknowledge, or 2 to resolve.";
  private static final String NO_KEY = "No key was pressed. Goodbye.";
  private static final int MAX_SPOKEN_SUMMARY = 300;
  /** The page is spoken twice, so a person who picked up mid-sentence still hears it all. */
  private static final int SPOKEN_TIMES = 2;

  private VoiceScripts() {}

  /** "This is Remedia. Critical incident: Disk full on db-1. Press 1 to acknowledge, or 2 to resolve." */
  static String page(OutgoingPage page, String publicUrl) {
    return prompt("This is Remedia. " + incident(page) + " " + KEYS, gatherUrl(publicUrl, page.pageId(), false));
  }

  /**
   * "This is Remedia. 5 incidents are paging you. The first: ... Press 1 to acknowledge it, or 2 to
   * resolve it." The key press answers the first page only; the others keep escalating on their own.
   */
  static String rollup(List<OutgoingPage> pages, String publicUrl) {
    OutgoingPage first = pages.get(0);
    String text = "This is Remedia. " + pages.size() + " incidents are paging you. The first: "
        + incident(first) + " Press 1 to acknowledge it, or 2 to resolve it. The others stay open.";
    return prompt(text, gatherUrl(publicUrl, first.pageId(), false));
  }

  /** After a key other than 1 or 2: the choice once more, then goodbye. */
  public static String retry(String publicUrl, String pageId) {
    return prompt("That key does nothing. " + KEYS, gatherUrl(publicUrl, pageId, true));
  }

  /** Speaks one line and hangs up: the outcome of a key press, or a goodbye. */
  public static String say(String text) {
    return new VoiceResponse.Builder().say(new Say.Builder(text).build()).build().toXml();
  }

  /** Whether a gather callback came from the retry prompt, which gets no further retry. */
  public static boolean isRetry(String attempt) {
    return "retry".equals(attempt);
  }

  private static String prompt(String text, String action) {
    Gather gather =
        new Gather.Builder()
            .numDigits(1)
            .action(action)
            .say(new Say.Builder(text).loop(SPOKEN_TIMES).build())
            .build();
    return new VoiceResponse.Builder().gather(gather).say(new Say.Builder(NO_KEY).build()).build().toXml();
  }

  private static String incident(OutgoingPage page) {
    String severity = page.severity() == null ? "" : page.severity().strip().toLowerCase(Locale.ROOT);
    String kind =
        severity.isEmpty() ? "Incident" : Character.toUpperCase(severity.charAt(0)) + severity.substring(1) + " incident";
    String sentence = kind + ": " + SmsTexts.shorten(SmsTexts.clean(page.summary()), MAX_SPOKEN_SUMMARY);
    return sentence.endsWith(".") ? sentence : sentence + ".";
  }

  static String gatherUrl(String publicUrl, String pageId, boolean retry) {
    return TwilioCallbacks.url(publicUrl, TwilioCallbacks.VOICE_GATHER)
        + "?page=" + URLEncoder.encode(pageId, StandardCharsets.UTF_8)
        + (retry ? "&attempt=retry" : "");
  }
}
