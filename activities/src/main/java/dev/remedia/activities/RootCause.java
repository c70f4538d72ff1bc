package dev.remedia.activities;

/** The innermost cause of an error, which is where connection failures say what actually happened. */
public final class RootCause {

  private RootCause() {}

  public static String message(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
