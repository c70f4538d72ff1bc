package dev.remedia.activities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * Writes values that crossed Temporal as JSON for the read model, with Temporal's own mapper, so what
 * is stored reads exactly as the workflow sent it, and reads them back the same way.
 */
public final class TemporalJson {

  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private TemporalJson() {}

  /** The value as JSON; a value that cannot be written fails the activity for good, not retried. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw FailureType.INVALID_INPUT.permanent("cannot store value as JSON: " + e.getMessage());
    }
  }

  /** Reads what {@link #write} stored; a value that no longer reads is a bug, not worth retrying. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw FailureType.INVALID_INPUT.permanent("cannot read stored JSON: " + e.getMessage());
    }
  }
}
