package dev.remedia.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * A request that did not get a successful answer, with a message meant for the person at the terminal.
 * Messages never contain the bearer token.
 */
public final class ApiFailure extends RuntimeException {

  private final int status;
  private final boolean mayPassLater;

  private ApiFailure(int status, boolean mayPassLater, String message) {
    super(message);
    this.status = status;
    this.mayPassLater = mayPassLater;
  }

  /**
   * Remedia answered with an error status.
   *
   * @param problem the problem's detail (or title, or the body itself when it is not a problem)
   */
  static ApiFailure answered(int status, String reason, String problem) {
    String head = "HTTP " + status + (reason.isEmpty() ? "" : " " + reason);
    return new ApiFailure(status, status >= 500, problem.isEmpty() ? head : head + ": " + problem);
  }

  static ApiFailure unreachable(URI base, IOException cause) {
    if (cause instanceof HttpTimeoutException) {
      return new ApiFailure(0, true, "Remedia at " + base + " did not answer in time");
    }
    String why = reason(cause);
    return new ApiFailure(
        0, true, "cannot reach Remedia at " + base + " (" + why + "); is it running? Set REMEDIA_URL or --url");
  }

  static ApiFailure notTheApi(URI base, String why) {
    return new ApiFailure(0, false, "the answer from " + base + " is not Remedia's API: " + why);
  }

  // The JDK's HttpClient throws a ConnectException without a message; its causes tell what happened.
  private static String reason(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return cause instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName();
  }

  /** A successful answer that lacks what the command needs from it: a client and server out of step. */
  public static ApiFailure unexpectedAnswer(String why) {
    return new ApiFailure(0, false, "unexpected answer from Remedia: " + why);
  }

  public static ApiFailure interrupted() {
    return new ApiFailure(0, false, "interrupted");
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** True when the same request may succeed later: Remedia answered 5xx, or did not answer at all. */
  public boolean mayPassLater() {
    return mayPassLater;
  }

  public int exitCode() {
    return status >= 400 && status < 500 ? ExitCodes.REFUSED : ExitCodes.UNAVAILABLE;
  }
}
