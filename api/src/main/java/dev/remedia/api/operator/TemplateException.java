package dev.remedia.api.operator;

/** A template that cannot be parsed, or a value it needs that the alert does not carry. */
public class TemplateException extends RuntimeException {

  public TemplateException(String message) {
    super(message);
  }
}
