package dev.remedia.activities.certs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A hook the operator runs (a load balancer's API, a secrets store): Remedia POSTs JSON
 * {@code {"action": "install", "chain": ..., "key": ...}} or {@code {"action": "rollback"}}, and any 2xx
 * means done. The hook keeps the previous certificate for rollback.
 */
public record HttpDeployTarget(String name, URI url, Duration timeout) implements DeployTarget {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public String describe() {
    return "POST " + url;
  }

  @Override
  public String install(String chainPem, String keyPem) throws DeployException {
    return post("{\"action\":\"install\",\"chain\":" + json(chainPem) + ",\"key\":" + json(keyPem) + "}", "install");
  }

  @Override
  public String rollback() throws DeployException {
    return post("{\"action\":\"rollback\"}", "rollback");
  }

  private String post(String body, String action) throws DeployException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new DeployException(action + " hook " + url + " answered HTTP " + response.statusCode());
      }
      return action + " hook " + url + " answered HTTP " + response.statusCode();
    } catch (IOException e) {
      throw new DeployException(action + " hook " + url + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException(action + " hook " + url + " interrupted");
    }
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
