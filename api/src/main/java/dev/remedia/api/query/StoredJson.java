package dev.remedia.api.query;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns JSON text from the read model into trees, so answers nest it instead of quoting it. */
@Singleton
public class StoredJson {

  private final JsonMapper json;

  StoredJson(JsonMapper json) {
    this.json = json;
  }

  /** The stored JSON as a tree, or null for null. */
  public JsonNode tree(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored JSON is unreadable", e);
    }
  }
}
