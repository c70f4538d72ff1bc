package dev.remedia.api.requests;

import io.micronaut.http.HttpRequest;

/** Where a request came from, as the audit log records it. */
public final class RemoteAddress {

  private RemoteAddress() {}

  /** The peer's IP address; behind a proxy, the proxy's. */
  public static String of(HttpRequest<?> request) {
    return request.getRemoteAddress().getAddress().getHostAddress();
  }
}
