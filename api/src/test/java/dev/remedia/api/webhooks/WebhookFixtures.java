package dev.remedia.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the payload fixtures under {@code webhooks/} and builds variations of them. */
final class WebhookFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private WebhookFixtures() {}

  static byte[] bytes(String fixture) {
    try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture webhooks/" + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String fixture) {
    try {
      return (ObjectNode) JSON.readTree(bytes(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message a parser refuses a body with; fails when it accepts it. */
  static String refusal(PayloadParser parser, byte[] body) {
    String message = assertThrows(InvalidPayloadException.class, () -> parser.parse(body)).getMessage();
    assertFalse(message == null || message.isBlank(), "a refusal says why");
    return message;
  }

  static void assertRefused(PayloadParser parser, JsonNode body, String... fragments) {
    assertRefused(parser, bytes(body), fragments);
  }

  static void assertRefused(PayloadParser parser, byte[] body, String... fragments) {
    String message = refusal(parser, body);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
    }
  }
}
