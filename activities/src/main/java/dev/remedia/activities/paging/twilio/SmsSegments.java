package dev.remedia.activities.paging.twilio;

/**
 * How many SMS segments a text takes. A text in the GSM 03.38 alphabet packs 160 characters in one
 * segment, 153 per segment when split (the extension characters such as € and { count twice); any other
 * character switches the whole text to UCS-2: 70 UTF-16 units in one segment, 67 when split.
 */
public final class SmsSegments {

  static final int GSM_SINGLE = 160;
  static final int GSM_PART = 153;
  static final int UCS2_SINGLE = 70;
  static final int UCS2_PART = 67;

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {}

  public static int count(String text) {
    boolean gsm = isGsm(text);
    int length = gsm ? gsmLength(text) : text.length();
    int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
    int part = gsm ? GSM_PART : UCS2_PART;
    return length <= single ? 1 : (length + part - 1) / part;
  }

  public static boolean isGsm(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  /** The length in GSM septets; only meaningful when {@link #isGsm} holds. */
  private static int gsmLength(String text) {
    return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
  }
}
