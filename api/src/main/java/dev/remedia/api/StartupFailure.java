package dev.remedia.api;

/** A reason Remedia cannot start that the operator can act on; its message is shown as it is. */
public class StartupFailure extends RuntimeException {

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first start-up failure among the causes of {@code error}, or null. */
  static StartupFailure findIn(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (current instanceof StartupFailure failure) {
        return failure;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }
}
