package dev.remedia.api.twilio;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an application/x-www-form-urlencoded body exactly as sent, so the signature is checked over
 * the parameters Twilio signed. Each name may appear once: Twilio's callbacks never repeat one.
 */
final class FormBody {

  private FormBody() {}

  /** @throws IllegalArgumentException naming what is wrong with the body */
  static Map<String, String> parse(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the form is not valid UTF-8");
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return form;
    }
    for (String pair : text.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (form.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("the form parameter '" + name + "' appears more than once");
      }
    }
    return form;
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the form has a malformed %-escape");
    }
  }
}
