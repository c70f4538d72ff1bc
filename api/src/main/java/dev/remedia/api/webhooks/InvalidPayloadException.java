package dev.remedia.api.webhooks;

/** A webhook body that cannot become alerts; the message names what was wrong and where. */
public class InvalidPayloadException extends RuntimeException {

  public InvalidPayloadException(String message) {
    super(message);
  }
}
