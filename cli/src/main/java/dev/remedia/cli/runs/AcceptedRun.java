package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiFailure;

/** The id of the run that an accepted start or retry answers with. */
final class AcceptedRun {

  private AcceptedRun() {}

  /** {@code id}, as starting a run answers; {@code runId} is read too, for answers that name it so. */
  static String idOf(JsonNode accepted) {
    for (String field : new String[] {"id", "runId"}) {
      if (accepted.path(field).isTextual()) {
        return accepted.path(field).asText();
      }
    }
    throw ApiFailure.unexpectedAnswer("no run id in " + accepted);
  }
}
