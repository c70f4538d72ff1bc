package dev.remedia.api.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.api.config.SlackSettings;
import dev.remedia.api.problem.ApiProblem;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a verified interaction: a form whose {@code payload} field is Slack's JSON. Remedia only posts
 * buttons, so only {@code block_actions} are taken, and a {@code response_url} must point at Slack, so
 * nobody can make Remedia post elsewhere.
 */
@Singleton
class SlackInteractionReader {

  /** Slack's ids are short; anything longer is not from Slack. */
  private static final int MAX_USER_ID_CHARS = 64;
  /** Slack's own limits for a button's action_id and value. */
  private static final int MAX_ACTION_ID_CHARS = 255;
  private static final int MAX_VALUE_CHARS = 2000;
  /** The approval request's reason field: Slack's limit for a plain_text_input, which it also sets. */
  static final String REASON_INPUT = "approval.reason";
  private static final int MAX_REASON_CHARS = 3000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String responseUrlPrefix;

  SlackInteractionReader(SlackSettings settings) {
    String prefix = settings.responseUrlPrefix().strip();
    this.responseUrlPrefix = prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /** @param remoteAddress where the request came from, carried along for the audit log */
  SlackInteraction read(byte[] body, String remoteAddress) {
    JsonNode payload = payload(body);
    String type = payload.path("type").asText("");
    if (!type.equals("block_actions")) {
      throw ApiProblem.badRequest("Remedia takes Slack block_actions interactions only, not '" + type + "'");
    }
    String userId = text(payload.path("user").path("id"), "user.id", MAX_USER_ID_CHARS);
    if (userId == null) {
      throw ApiProblem.badRequest("the payload has no user.id");
    }
    JsonNode action = payload.path("actions").path(0);
    String actionId = text(action.path("action_id"), "actions[0].action_id", MAX_ACTION_ID_CHARS);
    if (actionId == null) {
      throw ApiProblem.badRequest("the payload has no actions[0].action_id");
    }
    String value = text(action.path("value"), "actions[0].value", MAX_VALUE_CHARS);
    return new SlackInteraction(
        userId, actionId, value, responseUrl(payload.path("response_url")), reason(payload), remoteAddress);
  }

  private static JsonNode payload(byte[] body) {
    String payload = null;
    for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : field.substring(0, equals);
      if (name.equals("payload")) {
        if (payload != null) {
          throw ApiProblem.badRequest("the form has more than one payload field");
        }
        try {
          payload = URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
          throw ApiProblem.badRequest("the payload field is not URL-encoded");
        }
      }
    }
    if (payload == null) {
      throw ApiProblem.badRequest("the form has no payload field; Slack sends interactions as payload=<JSON>");
    }
    try {
      JsonNode json = JSON.readTree(payload);
      if (json == null || !json.isObject()) {
        throw ApiProblem.badRequest("the payload field must be a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest("the payload field is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The text at {@code node}, or null when it is absent or blank; anything else is refused. */
  private static String text(JsonNode node, String name, int maxChars) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiProblem.badRequest(name + " must be a string");
    }
    if (node.asText().length() > maxChars) {
      throw ApiProblem.badRequest(name + " is longer than " + maxChars + " characters");
    }
    return node.asText().isBlank() ? null : node.asText();
  }

  /**
   * The text of the reason field the approval request carries, which Slack sends with every click on
   * the message as {@code state.values[block_id][action_id].value}; both ids are {@code approval.reason}.
   */
  private static String reason(JsonNode payload) {
    JsonNode field = payload.path("state").path("values").path(REASON_INPUT).path(REASON_INPUT);
    String name = "state.values." + REASON_INPUT + "." + REASON_INPUT + ".value";
    return text(field.path("value"), name, MAX_REASON_CHARS);
  }

  private String responseUrl(JsonNode node) {
    String url = text(node, "response_url", MAX_VALUE_CHARS);
    if (url != null && !url.startsWith(responseUrlPrefix)) {
      throw ApiProblem.badRequest("response_url must start with " + responseUrlPrefix);
    }
    return url;
  }
}
