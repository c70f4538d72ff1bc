package dev.remedia.api.webhooks;

import java.util.List;

/** Turns one source's webhook body into normalised alerts, or refuses it as a whole. */
public interface PayloadParser {

  WebhookSource source();

  /**
   * Parses a whole body. Either every alert in it is returned or an {@link InvalidPayloadException}
   * names the first problem: a delivery is never half accepted.
   */
  List<ReceivedAlert> parse(byte[] body);
}
